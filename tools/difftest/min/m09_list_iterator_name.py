print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__)
