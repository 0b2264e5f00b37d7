import time
try:
    print("started", flush=True)
    time.sleep(5)
finally:
    print("finally ran")
