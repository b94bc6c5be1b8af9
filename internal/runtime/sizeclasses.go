package runtime

// Go's size classes for linux/amd64 (internal/runtime/gc/sizeclasses.go):
// the object size of each class and the pages of one span of it. Class 0
// is "large": an object of more than maxSmallSize bytes gets its own span.
const (
	pageShift    = 13
	pageSize     = 1 << pageShift
	maxSmallSize = 32768

	tinySize = 16
)

var classSize = [...]uint32{0,
	8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
	1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
	6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432,
	19072, 20480, 21760, 24576, 27264, 28672, 32768,
}

var classPages = [...]uint8{0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4,
	5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9,
	7, 5, 8, 3, 10, 7, 4,
}

// sizeToClass returns the smallest class whose objects hold size bytes, by
// table lookup as the real one does: sizes up to 1024 bytes in steps of 8,
// larger ones in steps of 128. The tables are built from classSize, the
// only source of truth.
func sizeToClass(size uintptr) uint8 {
	if size <= smallSizeMax {
		return sizeToClass8[(size+7)/8]
	}
	return sizeToClass128[(size-smallSizeMax+127)/128]
}

const smallSizeMax = 1024

var (
	sizeToClass8   [smallSizeMax/8 + 1]uint8
	sizeToClass128 [(maxSmallSize-smallSizeMax)/128 + 1]uint8
)

func init() {
	for i := range sizeToClass8 {
		sizeToClass8[i] = searchSizeClass(uintptr(i) * 8)
	}
	for i := range sizeToClass128 {
		sizeToClass128[i] = searchSizeClass(smallSizeMax + uintptr(i)*128)
	}
}

// searchSizeClass finds the class for size in classSize.
func searchSizeClass(size uintptr) uint8 {
	lo, hi := 1, len(classSize)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if uintptr(classSize[mid]) >= size {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return uint8(lo)
}
