module example.com/loop13

go 1.13
