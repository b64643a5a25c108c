path = "C:\\dir\q"
