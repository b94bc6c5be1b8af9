package main

func helper() int {
	return undefinedName
}
