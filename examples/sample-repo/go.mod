module example.com/simplebank

go 1.23
