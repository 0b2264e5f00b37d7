e = ValueError('x')
e.add_note('note')
print(e.__notes__)
