# return, break and continue cannot leave an except* body (a SyntaxError, as in
# CPython), though a loop inside the body may use break.
for x in []:
    try:
        pass
    except* ValueError:
        for y in []:
            break
        continue
