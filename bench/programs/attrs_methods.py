# attrs_methods: attribute reads and writes, method calls, properties, inheritance.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1

    @property
    def rich(self):
        return self.balance > 10_000


class Savings(Account):
    rate = 3

    def deposit(self, amount):
        super().deposit(amount + amount * self.rate // 100)


accounts = [Savings("s%d" % i, i) if i % 3 else Account("a%d" % i, i) for i in range(300)]
for step in range(2400):
    for acc in accounts:
        acc.deposit(step % 11)
print("attrs_methods", sum(a.balance for a in accounts), sum(a.rich for a in accounts))
