class Animal:
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __len__(self): return 2
    @property
    def norm2(self): return self.x ** 2 + self.y ** 2
    @staticmethod
    def zero(): return Vec(0, 0)
    @classmethod
    def unit(cls): return cls(1, 0)
d = Dog("rex")
print(d.speak(), Animal.count, isinstance(d, Animal), type(d).__name__, [Animal("a")])
v = Vec(1, 2) + Vec(3, 4)
print(v.x, v.y, v.norm2, v == Vec(4, 6), len(v), Vec.zero().x, Vec.unit().x)
