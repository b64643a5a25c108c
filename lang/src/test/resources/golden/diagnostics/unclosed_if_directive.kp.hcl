greeting = "%{ if admin }hello"
