import time
try:
    time.sleep(5)
finally:
    print("finally ran")
