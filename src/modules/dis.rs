//! The `dis` module: `dis.dis`, `dis.get_instructions`, `dis.code_info`, `dis.show_code`,
//! `dis.opname`, `dis.opmap`.

use crate::bytecode::dis::{disassemble, instructions, ArgVal};
use crate::bytecode::{CodeObject, Opcode};
use crate::object::{Dict, Instance, Payload, PyErr, PyResult, PyStr, TypeKind, Value};
use crate::vm::builtins::module_fn as f;
use crate::vm::Vm;
use std::rc::Rc;

pub fn module(vm: &mut Vm) -> Value {
    let mut opname: Vec<Value> = (0..256)
        .map(|i| Value::string(format!("<{}>", i)))
        .collect();
    let opmap = Value::dict(Dict::new());
    for &op in Opcode::ALL {
        opname[op as usize] = Value::str(op.name());
        let _ = vm.dict_setitem(&opmap, Value::str(op.name()), Value::Int(op as i64));
    }
    let unknown = unknown_sentinel(vm);
    vm.new_module(
        "dis",
        vec![
            ("dis", f("dis", dis_dis)),
            (
                "get_instructions",
                f("get_instructions", dis_get_instructions),
            ),
            ("code_info", f("code_info", dis_code_info)),
            ("show_code", f("show_code", dis_show_code)),
            ("opname", Value::list(opname)),
            ("UNKNOWN", unknown),
            ("opmap", opmap),
        ],
    )
}

/// Text of `dis.dis(code)` using the VM's repr for constants.
pub fn dis_text(vm: &mut Vm, code: &CodeObject) -> String {
    let mut repr = |v: &Value| match v.payload() {
        Some(Payload::Code(c)) => crate::bytecode::dis::code_repr(c),
        _ => vm.repr(v).unwrap_or_else(|_| "<repr failed>".into()),
    };
    disassemble(code, &mut repr)
}

/// The code object behind a function, method, generator, code object or source string.
fn code_of(x: &Value) -> PyResult<Option<Rc<CodeObject>>> {
    Ok(match x.payload() {
        Some(Payload::Function(func)) => Some(func.code.clone()),
        Some(Payload::BoundMethod { func, .. }) => {
            let func = func.clone();
            return code_of(&func);
        }
        Some(Payload::Generator(g)) => Some(g.code.clone()),
        Some(Payload::Code(c)) => Some(c.clone()),
        Some(Payload::StaticMethod(func)) | Some(Payload::ClassMethod(func)) => {
            let func = func.clone();
            return code_of(&func);
        }
        _ => match x {
            Value::Str(src) => {
                let interp_mode = crate::compiler::CompileMode::Module;
                let source = Rc::new(crate::source::SourceFile::new(
                    "<disassembly>",
                    src.as_str(),
                ));
                let module = crate::parser::parse(src.as_str(), crate::parser::Mode::Module)
                    .map_err(|e| PyErr::new(crate::object::ExcKind::SyntaxError, e.msg))?;
                let code = crate::compiler::compile(&module, source, interp_mode)
                    .map_err(|e| PyErr::new(crate::object::ExcKind::SyntaxError, e.msg))?;
                Some(code)
            }
            _ => None,
        },
    })
}

fn dis_dis(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(x) = a.first() else {
        return Err(PyErr::type_error(
            "dis() needs an object to disassemble in pyco",
        ));
    };
    if let Some(code) = code_of(x)? {
        let text = dis_text(vm, &code);
        vm.write_stdout(&text);
        return Ok(Value::None);
    }
    if let Some(Payload::Type(t)) = x.payload() {
        // A class: each function in its namespace, sorted by name (as dis.py does).
        let mut items: Vec<(String, Value)> = t
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_pystr()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default(),
                    v.clone(),
                )
            })
            .collect();
        items.sort_by(|p, q| p.0.cmp(&q.0));
        for (name, v) in items {
            if let Some(code) = code_of(&v)? {
                if matches!(v, Value::Str(_)) {
                    continue;
                }
                let text = dis_text(vm, &code);
                vm.write_stdout(&format!("Disassembly of {}:\n{}\n", name, text));
            }
        }
        return Ok(Value::None);
    }
    Err(PyErr::type_error(format!(
        "don't know how to disassemble {} objects",
        vm.type_name(x)
    )))
}

/// `dis.code_info(x)`: the table `dis.py`'s `_format_code_info` prints.
fn dis_code_info(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let x = a.first().cloned().unwrap_or(Value::None);
    let Some(code) = code_of(&x)? else {
        return Err(PyErr::type_error(format!(
            "don't know how to disassemble {} objects",
            vm.type_name(&x)
        )));
    };
    Ok(Value::string(code_info(vm, &code)?))
}

fn dis_show_code(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let info = dis_code_info(vm, a, k)?;
    vm.write_stdout(&format!("{}\n", info.as_pystr().unwrap().as_str()));
    Ok(Value::None)
}

fn pretty_flags(flags: u32) -> String {
    const NAMES: [&str; 10] = [
        "OPTIMIZED",
        "NEWLOCALS",
        "VARARGS",
        "VARKEYWORDS",
        "NESTED",
        "GENERATOR",
        "NOFREE",
        "COROUTINE",
        "ITERABLE_COROUTINE",
        "ASYNC_GENERATOR",
    ];
    if flags == 0 {
        return "0x0".into();
    }
    (0..32)
        .filter(|i| flags & (1 << i) != 0)
        .map(|i| match NAMES.get(i) {
            Some(n) => n.to_string(),
            None => format!("{:#x}", 1u32 << i),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn code_info(vm: &mut Vm, co: &CodeObject) -> PyResult<String> {
    let mut lines = vec![
        format!("Name:              {}", co.name),
        format!("Filename:          {}", co.source.name),
        format!("Argument count:    {}", co.argcount),
        format!("Positional-only arguments: {}", co.posonlyargcount),
        format!("Kw-only arguments: {}", co.kwonlyargcount),
        format!("Number of locals:  {}", co.co_varnames().len()),
        format!("Stack size:        {}", co.co_stacksize()),
        format!("Flags:             {}", pretty_flags(co.flags)),
    ];
    if !co.consts.is_empty() {
        lines.push("Constants:".into());
        for (i, c) in co.consts.iter().enumerate() {
            let r = match c.payload() {
                Some(Payload::Code(cc)) => crate::bytecode::dis::code_repr(cc),
                _ => vm.repr(c)?,
            };
            lines.push(format!("{:4}: {}", i, r));
        }
    }
    let sections: [(&str, Vec<String>); 4] = [
        (
            "Names:",
            co.names
                .iter()
                .map(|n| {
                    n.as_pystr()
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default()
                })
                .collect(),
        ),
        (
            "Variable names:",
            co.co_varnames().iter().map(|n| n.to_string()).collect(),
        ),
        (
            "Free variables:",
            co.freevars.iter().map(|n| n.to_string()).collect(),
        ),
        (
            "Cell variables:",
            co.cellvars.iter().map(|n| n.to_string()).collect(),
        ),
    ];
    for (title, items) in sections {
        if !items.is_empty() {
            lines.push(title.into());
            for (i, n) in items.iter().enumerate() {
                lines.push(format!("{:4}: {}", i, n));
            }
        }
    }
    Ok(lines.join("\n"))
}

fn dis_get_instructions(vm: &mut Vm, a: &[Value], _: &[Value]) -> PyResult<Value> {
    let Some(x) = a.first() else {
        return Err(PyErr::type_error(
            "get_instructions() missing required argument 'x'",
        ));
    };
    let Some(code) = code_of(x)? else {
        return Err(PyErr::type_error(format!(
            "don't know how to disassemble {} objects",
            vm.type_name(x)
        )));
    };
    let mut repr = |v: &Value| match v.payload() {
        Some(Payload::Code(c)) => crate::bytecode::dis::code_repr(c),
        _ => vm.repr(v).unwrap_or_else(|_| "<repr failed>".into()),
    };
    let decoded = instructions(&code, &mut repr);
    let cls = instruction_type(vm);
    let unknown = unknown_sentinel(vm);
    let mut out = vec![];
    for d in decoded {
        let mut dict = Dict::new();
        let mut set = |k: &str, v: Value| dict.set_str(Rc::new(PyStr::new(k)), v);
        set("opname", Value::str(d.op.name()));
        set("opcode", Value::Int(d.op as i64));
        set(
            "arg",
            d.arg.map(|a| Value::Int(a as i64)).unwrap_or(Value::None),
        );
        set(
            "argval",
            match d.argval {
                ArgVal::None => Value::None,
                ArgVal::Unknown => unknown.clone(),
                ArgVal::Int(i) => Value::Int(i),
                ArgVal::Const(c) => c,
                ArgVal::Name(n) => Value::string(n),
            },
        );
        set("argrepr", Value::string(d.argrepr.clone()));
        set("offset", Value::Int(d.offset as i64));
        set(
            "starts_line",
            d.starts_line
                .map(|l| Value::Int(l as i64))
                .unwrap_or(Value::None),
        );
        set("is_jump_target", Value::Bool(d.is_jump_target));
        out.push(Value::new_obj(Payload::Instance(Instance::new(
            cls.clone(),
            dict,
            None,
        ))));
    }
    vm.get_iter(&Value::list(out))
}

/// `dis.UNKNOWN`: the argval of an argument dis does not dereference (KW_NAMES).
fn unknown_sentinel(vm: &mut Vm) -> Value {
    if let Some(v) = vm.modules.get("__dis_unknown__") {
        return v.clone();
    }
    let t = crate::vm::builtins_types::new_type("_Unknown", TypeKind::User, Some(&vm.types.object));
    crate::vm::builtins_types::add_method(&t, "__repr__", |_, _, _| Ok(Value::str("<unknown>")));
    let v = Value::new_obj(Payload::Instance(Instance::new(t, Dict::new(), None)));
    vm.modules.insert("__dis_unknown__".into(), v.clone());
    v
}

fn instruction_type(vm: &mut Vm) -> Rc<crate::object::Object> {
    if let Some(Value::Obj(o)) = vm.modules.get("__dis_instruction__") {
        return o.clone();
    }
    let t =
        crate::vm::builtins_types::new_type("Instruction", TypeKind::User, Some(&vm.types.object));
    vm.modules
        .insert("__dis_instruction__".into(), Value::Obj(t.clone()));
    t
}
