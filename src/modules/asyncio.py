# asyncio for pyco -- a compact re-implementation of CPython 3.11's asyncio
# (single-threaded, no I/O, no contextvars, no debug mode).
#
# Layout:
#   1. CORE: exceptions, Handle/TimerHandle, Future, Task, event loop, sleep,
#      run, current_task/all_tasks.  (Candidate for a native replacement.)
#   2. Helpers built on the core: gather, shield, wait, wait_for, as_completed,
#      ensure_future, timeouts, TaskGroup.
#   3. Synchronisation primitives: Lock, Event, Condition, Semaphore,
#      BoundedSemaphore, Queue, PriorityQueue, LifoQueue.

import sys
import time as _time
import math as _math
import types as _types
from collections import deque as _deque

_monotonic = _time.monotonic
_sleep = _time.sleep
_ceil = _math.ceil

# =====================================================================
# 1. CORE
# =====================================================================

# ---- exceptions ------------------------------------------------------


class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = 'asyncio.exceptions'


TimeoutError = TimeoutError   # asyncio.TimeoutError is the builtin


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = 'asyncio.exceptions'


class SendfileNotAvailableError(RuntimeError):
    __module__ = 'asyncio.exceptions'


class IncompleteReadError(EOFError):
    __module__ = 'asyncio.exceptions'

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    __module__ = 'asyncio.exceptions'

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    __module__ = 'asyncio.exceptions'


# ---- small formatting helpers (reprlib-like) ---------------------------

def _trunc(s, limit):
    if len(s) > limit:
        i = (limit - 3) // 2
        j = limit - 3 - i
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _short_repr(x, level=6):
    t = type(x)
    if t is str:
        s = repr(x[:30])
        if len(s) > 30:
            i = 13
            j = 14
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if t is int:
        return _trunc(repr(x), 40)
    if t is list or t is tuple or t is set or t is frozenset:
        if t is list:
            left, right, maxn = '[', ']', 6
        elif t is tuple:
            left, right, maxn = '(', ')', 6
        else:
            left, right, maxn = '{', '}', 6
            if not x:
                return t.__name__ + '()'
            if t is frozenset:
                left, right = 'frozenset({', '})'
        if level <= 0:
            return left + '...' + right
        items = list(x)
        if t is set or t is frozenset:
            try:
                items = sorted(items)
            except Exception:
                pass
        pieces = [_short_repr(e, level - 1) for e in items[:maxn]]
        if len(items) > maxn:
            pieces.append('...')
        s = ', '.join(pieces)
        if t is tuple and len(items) == 1:
            s += ','
        return left + s + right
    if t is dict:
        if not x:
            return '{}'
        if level <= 0:
            return '{...}'
        keys = list(x)
        try:
            keys = sorted(keys)
        except Exception:
            pass
        pieces = []
        for k in keys[:4]:
            pieces.append(_short_repr(k, level - 1) + ': ' +
                          _short_repr(x[k], level - 1))
        if len(keys) > 4:
            pieces.append('...')
        return '{' + ', '.join(pieces) + '}'
    return _trunc(repr(x), 30)


def _func_name(func):
    name = getattr(func, '__qualname__', None)
    if not name:
        name = getattr(func, '__name__', None)
    if not name:
        name = repr(func)
    return name


def _format_callback_source(func, args):
    s = _func_name(func) + '(' + ', '.join([_short_repr(a) for a in args]) + ')'
    if type(func) is _FunctionType:
        code = getattr(func, '__code__', None)
        if code is not None:
            s += f' at {code.co_filename}:{code.co_firstlineno}'
    return s


def _format_callbacks(cbs):
    n = len(cbs)
    if n == 1:
        s = _format_cb(cbs[0])
    elif n == 2:
        s = _format_cb(cbs[0]) + ', ' + _format_cb(cbs[1])
    else:
        s = f'{_format_cb(cbs[0])}, <{n - 2} more>, {_format_cb(cbs[-1])}'
    return f'cb=[{s}]'


def _format_cb(cb):
    # a task's wakeup is shown the way CPython's C Task shows it (the native
    # core lists a task waiting on a future as the task itself)
    if isinstance(cb, Task):
        return 'Task.task_wakeup()'
    if getattr(cb, '__self__', None) is not None and \
            isinstance(cb.__self__, Task) and \
            getattr(cb, '__name__', None) == '_wakeup':
        return 'Task.task_wakeup()'
    return _format_callback_source(cb, ())


def _format_exc_only(exc):
    cls = type(exc)
    name = getattr(cls, '__qualname__', cls.__name__)
    mod = getattr(cls, '__module__', None)
    if mod not in (None, '__main__', 'builtins'):
        name = mod + '.' + name
    try:
        msg = str(exc)
    except Exception:
        msg = '<exception str() failed>'
    if msg:
        return f'{name}: {msg}'
    return name


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or \
        getattr(coro, '__name__', None) or \
        f'<{type(coro).__name__} without __name__>'
    name += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        return name
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    filename = getattr(code, 'co_filename', '') or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'


def _dummy_function():
    pass


_FunctionType = type(_dummy_function)


def _dummy_gen():
    yield


async def _dummy_coro():
    pass


_GeneratorType = type(_dummy_gen())
_c = _dummy_coro()
_CoroutineType = type(_c)
_c.close()
del _c


# ---- handles -----------------------------------------------------------


class Handle:
    """Object returned by callback registration methods."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        return '<' + ' '.join(self._repr_info()) + '>'

    def get_context(self):
        return None

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop._callback_failed(self, exc)


class TimerHandle(Handle):
    """Object returned by timed callback registration methods."""

    def __init__(self, when, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = Handle._repr_info(self)
        info.insert(2 if self._cancelled else 1, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when < other._when or self.__eq__(other)

    def __gt__(self, other):
        return self._when > other._when

    def __ge__(self, other):
        return self._when > other._when or self.__eq__(other)

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            if self._scheduled:
                self._loop._timer_cancelled_count += 1
            Handle.cancel(self)

    def when(self):
        return self._when


# Timer heap: same algorithm as heapq (so ties are broken the same way),
# ordering handles by their _when.

def _timer_push(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    when = item._when
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if when < parent._when:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _timer_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    result = heap[0]
    # _siftup(heap, 0)
    endpos = len(heap)
    pos = 0
    childpos = 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos]._when < heap[rightpos]._when:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    # _siftdown(heap, 0, pos)
    when = last._when
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if when < parent._when:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = last
    return result


def _timer_heapify(heap):
    n = len(heap)
    for i in range(n // 2 - 1, -1, -1):
        # siftup(i)
        startpos = i
        pos = i
        newitem = heap[pos]
        childpos = 2 * pos + 1
        while childpos < n:
            rightpos = childpos + 1
            if rightpos < n and not heap[childpos]._when < heap[rightpos]._when:
                childpos = rightpos
            heap[pos] = heap[childpos]
            pos = childpos
            childpos = 2 * pos + 1
        when = newitem._when
        while pos > startpos:
            parentpos = (pos - 1) >> 1
            parent = heap[parentpos]
            if when < parent._when:
                heap[pos] = parent
                pos = parentpos
                continue
            break
        heap[pos] = newitem


# ---- futures -----------------------------------------------------------

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


# Future and Task are native (src/modules/aio.rs, like CPython's _asyncio): the
# task step, the done-callbacks and the await protocol run without bytecode.
from _asyncio import Future, Task
import _asyncio


def _future_repr_info(fut):
    state = fut._state
    info = [state.lower()]
    if state is _FINISHED:
        if fut._exception is not None:
            info.append(f'exception={fut._exception!r}')
        else:
            info.append(f'result={_short_repr(fut._result)}')
    if fut._callbacks:
        info.append(_format_callbacks(fut._callbacks))
    return info


def _future_repr(fut):
    return f'<{type(fut).__name__} {" ".join(_future_repr_info(fut))}>'


def _task_repr(task):
    info = _future_repr_info(task)
    if task._num_cancels_requested and task._state is _PENDING:
        info[0] = 'cancelling'
    info.insert(1, f'name={task._name!r}')
    info.insert(2, f'coro=<{_format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return f'<{type(task).__name__} {" ".join(info)}>'


def isfuture(obj):
    return (hasattr(type(obj), '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _get_loop(fut):
    get_loop = getattr(fut, 'get_loop', None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _asyncio.current_task()


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in _asyncio._pending_tasks() if t._loop is loop}


_register_task = _asyncio._register_task
_unregister_task = _asyncio._unregister_task


def _enter_task(loop, task):
    current = _asyncio._swap_current_task(task)
    if current is not None:
        _asyncio._swap_current_task(current)
        raise RuntimeError(
            f"Cannot enter into task {task!r} while another "
            f"task {current!r} is being executed.")


def _leave_task(loop, task):
    current = _asyncio._swap_current_task(None)
    if current is not task:
        _asyncio._swap_current_task(current)
        raise RuntimeError(
            f"Leaving task {task!r} does not match "
            f"the current task {current!r}.")


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


# ---- coroutine checks ----------------------------------------------------

_is_coroutine = object()


def iscoroutine(obj):
    t = type(obj)
    if t is _CoroutineType or t is _GeneratorType:
        return True
    return (hasattr(t, '__await__') and hasattr(t, 'send') and
            hasattr(t, 'throw') and hasattr(t, 'close'))


def iscoroutinefunction(func):
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    f = func
    while True:
        inner = getattr(f, '__func__', None)
        if inner is None:
            break
        f = inner
    code = getattr(f, '__code__', None)
    if code is None:
        return False
    return bool(getattr(code, 'co_flags', 0) & 0x80)


# ---- event loop ----------------------------------------------------------

_running_loop = None
_event_loop = None
_event_loop_set_called = False

_MIN_SCHEDULED_TIMER_HANDLES = 100
_MAXIMUM_SELECT_TIMEOUT = 24 * 3600


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):

    def __init__(self):
        self._ready = _deque()
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._current_task = None
        self._debug = False
        self._exception_handler = None
        self._task_factory = None
        self._clock_resolution = 1e-09
        self.slow_callback_duration = 0.1

    def __repr__(self):
        return (f'<{type(self).__name__} running={self._running} '
                f'closed={self._closed} debug={self._debug}>')

    # -- scheduling
    def time(self):
        return _monotonic()

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(_monotonic() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        if self._closed:
            raise RuntimeError('Event loop is closed')
        timer = TimerHandle(when, callback, args, self)
        _timer_push(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def create_future(self):
        return _asyncio._new_future(self)

    def create_task(self, coro, *, name=None, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if self._task_factory is None:
            task = Task(coro, loop=self, name=name)
        else:
            task = self._task_factory(self, coro)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- running
    def _run_once(self):
        if _asyncio._take_sigint() and _sigint_callback is not None:
            _sigint_callback()
        sched = self._scheduled
        n = len(sched)
        if (n > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count * 2 > n):
            new = []
            for h in sched:
                if h._cancelled:
                    h._scheduled = False
                else:
                    new.append(h)
            _timer_heapify(new)
            self._scheduled = sched = new
            self._timer_cancelled_count = 0
        else:
            while sched and sched[0]._cancelled:
                self._timer_cancelled_count -= 1
                h = _timer_pop(sched)
                h._scheduled = False

        ready = self._ready
        if not ready and not self._stopping:
            # idle: really sleep until the next timer is due
            if sched:
                timeout = sched[0]._when - _monotonic()
                if timeout > 0:
                    if timeout > _MAXIMUM_SELECT_TIMEOUT:
                        timeout = _MAXIMUM_SELECT_TIMEOUT
                    _sleep(_ceil(timeout * 1e3) * 1e-3)
            else:
                # nothing can ever happen: block like a select() without fds
                _sleep(_MAXIMUM_SELECT_TIMEOUT)

        if sched:
            end_time = _monotonic() + self._clock_resolution
            while sched:
                h = sched[0]
                if h._when >= end_time:
                    break
                h = _timer_pop(sched)
                h._scheduled = False
                ready.append(h)

        _asyncio._run_ready(self, ready, len(ready))

    def _native_callback_failed(self, callback, args, exc):
        # A done-callback or task step queued by the native core failed.
        if callback is None:
            self._callback_failed(Handle(None, (), self), exc)
        else:
            self._callback_failed(Handle(callback, args, self), exc)

    def _callback_failed(self, handle, exc):
        cb = _format_callback_source(handle._callback, handle._args) \
            if handle._callback is not None else repr(handle)
        self.call_exception_handler({
            'message': f'Exception in callback {cb}',
            'exception': exc,
            'handle': handle,
        })

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _running_loop is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def run_forever(self):
        global _running_loop
        self._check_closed()
        self._check_running()
        self._running = True
        _running_loop = self
        old_agen_hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None
            sys.set_asyncgen_hooks(*old_agen_hooks)

    # Async generators first iterated under this loop are tracked (weakly, by the
    # native core) so that shutdown_asyncgens() can close them; one freed unfinished
    # gets its aclose() scheduled as a task, as CPython's loop does.
    def _asyncgen_firstiter_hook(self, agen):
        _asyncio._agens_add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        _asyncio._agens_discard(agen)
        if not self._closed:
            self.call_soon(self.create_task, agen.aclose())

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            # The task is made here, out of the caller's reach: no report if it is
            # freed while pending.
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            future.remove_done_callback(_run_until_complete_cb)
            raise
        future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled = []
        self._timer_cancelled_count = 0

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        closing_agens = _asyncio._agens_take()
        if not closing_agens:
            return
        results = await gather(*[ag.aclose() for ag in closing_agens],
                               return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })

    async def shutdown_default_executor(self):
        return

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    # -- error handling
    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, '
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            try:
                lines.append(f'{key}: {context[key]!r}')
            except Exception:
                lines.append(f'{key}: <unprintable>')
        exc = context.get('exception')
        if exc is not None:
            lines.append(_asyncio._format_exception(exc).rstrip('\n'))
        sys.stderr.write('\n'.join(lines) + '\n')

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write('Exception in default exception handler\n')
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    sys.stderr.write('Exception in default exception '
                                     'handler\n')


class _UnixSelectorEventLoop(BaseEventLoop):
    pass


SelectorEventLoop = _UnixSelectorEventLoop
EventLoop = _UnixSelectorEventLoop


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    _get_loop(fut).stop()


def get_running_loop():
    loop = _running_loop
    if loop is None:
        # At pyco's REPL prompt the REPL's loop counts as running (see _repl_run).
        loop = _repl_loop
        if loop is None:
            raise RuntimeError('no running event loop')
    return loop


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def new_event_loop():
    return _UnixSelectorEventLoop()


def set_event_loop(loop):
    global _event_loop, _event_loop_set_called
    _event_loop_set_called = True
    _event_loop = loop


def _get_event_loop(stacklevel=3):
    loop = _running_loop
    if loop is not None:
        return loop
    global _event_loop, _event_loop_set_called
    if _event_loop is None and not _event_loop_set_called:
        _event_loop_set_called = True
        _event_loop = new_event_loop()
    if _event_loop is None:
        raise RuntimeError("There is no current event loop in thread "
                           "'MainThread'.")
    return _event_loop


def get_event_loop():
    return _get_event_loop()


# ---- pyco's REPL ----------------------------------------------------------
# The REPL owns one event loop for the whole session, as `python -m asyncio` does, but
# on the REPL's own thread: an input with a top-level await runs as a task on it, and
# between inputs the loop runs whatever is ready. At the prompt get_running_loop()
# answers this loop, so create_task() works outside any await; asyncio.run() still
# runs a fresh loop of its own.
_repl_loop = None


def _repl_install():
    global _repl_loop
    if _repl_loop is None:
        _repl_loop = new_event_loop()
        set_event_loop(_repl_loop)


def _repl_run(coro):
    _repl_install()
    loop = _repl_loop
    task = loop.create_task(coro)
    # Ctrl-C cancels the input's task (its finally blocks run), then raises
    # KeyboardInterrupt at the prompt, without the CancelledError as its context;
    # tasks of earlier inputs keep going.
    return _run_until_complete_interruptibly(loop, task, quiet=True)


def _repl_tick():
    # Run callbacks until none is ready and no timer is due, then return to the
    # prompt (Ctrl-C stops a task that never yields to a timer).
    loop = _repl_loop
    if loop is None or loop._running or loop._closed:
        return
    while loop._ready or (loop._scheduled and
                          loop._scheduled[0]._when <= _monotonic()):
        loop.call_soon(loop.stop)
        loop.run_forever()


# ---- sleep ---------------------------------------------------------------

@_types.coroutine
def _sleep0():
    yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _sleep0()
        return result
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    future = Future(loop=loop)
    h = loop.call_at(_monotonic() + delay,
                     _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


# ---- run -----------------------------------------------------------------

def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError(
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


# Ctrl-C while a Runner runs: the first one cancels the main task (checked by the
# loop each iteration), a second one raises KeyboardInterrupt at once.
_sigint_callback = None


def _run_until_complete_interruptibly(loop, task, quiet=False):
    # As CPython's Runner: the first Ctrl-C cancels the task, and KeyboardInterrupt is
    # raised once the cancellation has run through it; a second Ctrl-C raises at once.
    interrupts = [0]

    def on_sigint():
        interrupts[0] += 1
        if interrupts[0] == 1 and not task.done():
            task.cancel()
            return
        raise KeyboardInterrupt()

    global _sigint_callback
    previous = _sigint_callback
    _sigint_callback = on_sigint
    _asyncio._defer_sigint(True)
    try:
        return loop.run_until_complete(task)
    except CancelledError:
        if interrupts[0] > 0 and task.uncancel() == 0:
            if quiet:
                raise KeyboardInterrupt() from None
            raise KeyboardInterrupt()
        raise
    finally:
        _sigint_callback = previous
        _asyncio._defer_sigint(previous is not None)


def _cancel_all_tasks(loop):
    to_cancel = [t for t in _asyncio._pending_tasks() if t._loop is loop]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    """asyncio.Runner (3.11): a context manager owning one event loop."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._loop_factory is None:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        if _running_loop is not None:
            raise RuntimeError(
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        return _run_until_complete_interruptibly(self._loop, task)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            set_event_loop(self._loop)
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'


# =====================================================================
# 2. HELPERS: ensure_future, gather, shield, wait, wait_for, as_completed,
#    timeouts, TaskGroup
# =====================================================================

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def ensure_future(coro_or_future, *, loop=None):
    return _ensure_future(coro_or_future, loop)


def _ensure_future(coro_or_future, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not _get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
            wrapped = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = _get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


@_types.coroutine
def _wrap_awaitable(awaitable):
    return (yield from awaitable.__await__())


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _gathering_future(children, loop, cancel_requested):
    """The future gather() returns: cancelling it cancels the children (the
    native core calls the hook only while the future is pending)."""
    outer = Future(loop=loop)

    def cancel(msg=None):
        ret = False
        for child in children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            cancel_requested[0] = True
        return ret

    outer._set_cancel_hook(cancel)
    return outer


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    outer = None
    children = []
    cancel_requested = [False]

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()   # mark the exception retrieved
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    res = CancelledError('' if f._cancel_message is None
                                         else f._cancel_message)
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if cancel_requested[0]:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            if type(arg) is _CoroutineType:
                if loop is None:
                    loop = _get_event_loop()
                if loop._task_factory is None:
                    fut = Task(arg, loop=loop)
                else:
                    fut = loop.create_task(arg)
            else:
                fut = _ensure_future(arg, loop)
            if fut is not arg:
                # A task made here for a coroutine, out of the caller's reach: no
                # report if it is freed while pending.
                fut._log_destroy_pending = False
            if loop is None:
                loop = _get_loop(fut)
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _gathering_future(children, loop, cancel_requested)
    return outer


def shield(arg):
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = _get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _dedup(fs):
    seen = {}
    out = []
    for f in fs:
        if f not in seen:
            seen[f] = None
            out.append(f)
    return out


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = _dedup(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, "
                            "use tasks explicitly.")
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = _ensure_future(fut, loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = _ensure_future(fut, loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(
            f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = _get_event_loop()
    todo = {}
    for f in _dedup(fs):
        todo[_ensure_future(f, loop)] = None
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    return _as_completed_iter(len(todo), _wait_for_one)


def _as_completed_iter(n, make):
    for _ in range(n):
        yield make()


# ---- timeouts (3.11) -----------------------------------------------------

_T_CREATED = 'created'
_T_ENTERED = 'active'
_T_EXPIRING = 'expiring'
_T_EXPIRED = 'expired'
_T_EXITED = 'finished'


class Timeout:
    """Asynchronous context manager cancelling the enclosed block late."""

    def __init__(self, when):
        self._state = _T_CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when
        self._cancelling = 0

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state is not _T_ENTERED:
            if self._state is _T_CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(
                f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state is _T_EXPIRING or self._state is _T_EXPIRED

    def __repr__(self):
        info = ''
        if self._state is _T_ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info = f' when={when}'
        return f"<Timeout [{self._state}]{info}>"

    async def __aenter__(self):
        if self._state is not _T_CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = _T_ENTERED
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state is _T_EXPIRING:
            self._state = _T_EXPIRED
            if (self._task.uncancel() <= self._cancelling and
                    exc_type is CancelledError):
                raise TimeoutError from exc_val
        elif self._state is _T_ENTERED:
            self._state = _T_EXITED
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = _T_EXPIRING
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# ---- TaskGroup -------------------------------------------------------------

def _make_exception_group(msg, errors):
    # The builtins load on first use (src/modules/exception_group.py).
    for e in errors:
        if not isinstance(e, Exception):
            return BaseExceptionGroup(msg, errors)
    return ExceptionGroup(msg, errors)


class TaskGroup:
    """Asynchronous context manager holding a group of tasks."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ''
        if self._tasks:
            info += f' tasks={len(self._tasks)}'
        if self._errors:
            info += f' errors={len(self._errors)}'
        if self._aborting:
            info += ' cancelling'
        elif self._entered:
            info += ' entered'
        return f'<TaskGroup{info}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(
                f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if (exc is not None and self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise _make_exception_group('unhandled errors in a TaskGroup',
                                        errors) from None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro)
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in list(self._tasks):
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# =====================================================================
# 3. SYNCHRONISATION PRIMITIVES AND QUEUES
# =====================================================================

class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = _running_loop
        if loop is not None and loop is self._loop:
            return loop
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


def _obj_repr(self, modname, extra):
    return (f'<{modname}.{type(self).__name__} object at {id(self):#x} '
            f'[{extra}]>')


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    """Primitive lock for coroutines."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _obj_repr(self, 'asyncio.locks', extra)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked:
            if self._waiters is None:
                self._locked = True
                return True
            free = True
            for w in self._waiters:
                if not w.cancelled():
                    free = False
                    break
            if free:
                self._locked = True
                return True
        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    """Asynchronous equivalent to threading.Event."""

    def __init__(self):
        self._waiters = _deque()
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _obj_repr(self, 'asyncio.locks', extra)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    """Asynchronous equivalent to threading.Condition."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _obj_repr(self, 'asyncio.locks', extra)

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


# Barrier states (CPython uses an enum; its .value strings show in the repr).
_FILLING = 'filling'
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier(_LoopBoundMixin):
    """asyncio.Barrier (3.11): `parties` tasks wait until all have arrived."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<asyncio.locks.Barrier object at {id(self):#x} [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state not in (_DRAINING, _RESETTING))
        if self._state is _BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _DRAINING
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state is not _FILLING)
        if self._state in (_BROKEN, _RESETTING):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in (_RESETTING, _DRAINING):
                self._state = _FILLING
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state is not _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state is _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state is _BROKEN


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    """A Semaphore implementation."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _obj_repr(self, 'asyncio.locks', extra)

    def locked(self):
        if self._value == 0:
            return True
        if self._waiters:
            for w in self._waiters:
                if not w.cancelled():
                    return True
        return False

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A bounded semaphore implementation."""

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    """Raised when Queue.put_nowait() is called on a full Queue."""
    __module__ = 'asyncio.queues'


class Queue(_LoopBoundMixin):
    """A FIFO queue for coroutines."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = _deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return len(self._queue) >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished._value = False      # Event.clear()
        if self._getters:
            self._wakeup_next(self._getters)

    async def get(self):
        while not self._queue:
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if not self._queue:
            raise QueueEmpty
        item = self._get()
        if self._putters:
            self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


def _heappush(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    result = heap[0]
    endpos = len(heap)
    pos = 0
    childpos = 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    while pos > 0:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if last < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = last
    return result


class PriorityQueue(Queue):
    """A subclass of Queue retrieving entries in priority order."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    """A subclass of Queue retrieving most recently added entries first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


__all__ = [
    'BaseEventLoop', 'AbstractEventLoop', 'SelectorEventLoop', 'Runner',
    'CancelledError', 'InvalidStateError', 'TimeoutError',
    'IncompleteReadError', 'LimitOverrunError', 'SendfileNotAvailableError',
    'BrokenBarrierError',
    'Future', 'Task', 'Handle', 'TimerHandle', 'isfuture', 'wrap_future',
    'run', 'sleep', 'create_task', 'gather', 'shield', 'wait', 'wait_for',
    'as_completed', 'ensure_future', 'current_task', 'all_tasks',
    'iscoroutine', 'iscoroutinefunction', 'timeout', 'timeout_at', 'Timeout',
    'TaskGroup', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier',
    'Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty',
    'get_running_loop', 'get_event_loop', 'new_event_loop', 'set_event_loop',
]


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'asyncio.Future is expected, got {future!r}')


def _report_unretrieved(loop, is_task, name, coro, exc):
    # What Future.__del__ reports in CPython, called by the native core when a
    # future whose exception nobody retrieved is freed.
    if is_task:
        what = 'Task'
        future = (f'<Task finished name={name!r} coro=<{_format_coroutine(coro)}> '
                  f'exception={exc!r}>')
    else:
        what = 'Future'
        future = f'<Future finished exception={exc!r}>'
    context = {'message': f'{what} exception was never retrieved',
               'exception': exc, 'future': _Verbatim(future)}
    if loop is None:
        BaseEventLoop.default_exception_handler(None, context)
    else:
        loop.call_exception_handler(context)


def _report_destroyed_pending(task):
    # CPython's Task.__del__, called by the native core for a pending task the
    # collector found unreachable.
    context = {'task': task, 'message': 'Task was destroyed but it is pending!'}
    task._loop.call_exception_handler(context)


class _Verbatim:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


_asyncio._setup(CancelledError, InvalidStateError, _get_event_loop, _future_repr,
                _task_repr, iscoroutine, _PENDING, _CANCELLED, _FINISHED,
                _report_unretrieved, _report_destroyed_pending)


if _asyncio._in_repl():
    _repl_install()
