package typedesc

// The layout of Go 1.26's internal/abi descriptors on linux/amd64. Every
// offset here is the one gc's linker produces; the oracle test reads
// descriptors back with the same numbers and compares them with a real
// binary's.

// abi.Type, the common prefix of every descriptor.
const (
	offSize       = 0  // Size_ uintptr
	offPtrBytes   = 8  // PtrBytes uintptr
	offHash       = 16 // Hash uint32
	offTFlag      = 20 // TFlag uint8
	offAlign      = 21 // Align_ uint8
	offFieldAlign = 22 // FieldAlign_ uint8
	offKind       = 23 // Kind_ uint8
	offEqual      = 24 // Equal: a funcval pointer
	offGCData     = 32 // GCData *byte
	offStr        = 40 // Str NameOff
	offPtrToThis  = 44 // PtrToThis TypeOff
	commonSize    = 48
)

// The kind-specific parts that follow abi.Type, as offsets from the
// descriptor's start, and the size of each kind's fixed part (where the
// UncommonType goes when there is one).
const (
	offElem = commonSize // PtrType, SliceType, ArrayType, ChanType: Elem *Type

	offArraySlice = commonSize + 8  // ArrayType.Slice *Type
	offArrayLen   = commonSize + 16 // ArrayType.Len uintptr
	offChanDir    = commonSize + 8  // ChanType.Dir int

	offInCount  = commonSize     // FuncType.InCount uint16
	offOutCount = commonSize + 2 // FuncType.OutCount uint16, top bit = variadic

	// InterfaceType and StructType: PkgPath Name, then a slice of
	// Imethod or StructField.
	offPkgPath  = commonSize
	offListData = commonSize + 8
	offListLen  = commonSize + 16
	offListCap  = commonSize + 24

	offMapKey       = commonSize      // MapType.Key *Type
	offMapElem      = commonSize + 8  // MapType.Elem *Type
	offMapGroup     = commonSize + 16 // MapType.Group *Type
	offMapHasher    = commonSize + 24 // MapType.Hasher funcval pointer
	offMapGroupSize = commonSize + 32
	offMapSlotSize  = commonSize + 40
	offMapElemOff   = commonSize + 48
	offMapFlags     = commonSize + 56 // uint32

	ptrTypeSize       = commonSize + 8
	sliceTypeSize     = commonSize + 8
	arrayTypeSize     = commonSize + 24
	chanTypeSize      = commonSize + 16
	funcTypeSize      = commonSize + 8
	interfaceTypeSize = commonSize + 32
	mapTypeSize       = commonSize + 64
	structTypeSize    = commonSize + 32
)

// abi.UncommonType and the records that hang off descriptors.
const (
	uncommonSize = 16 // PkgPath NameOff, Mcount, Xcount uint16, Moff uint32, unused uint32

	offUncommonPkgPath = 0
	offUncommonMcount  = 4
	offUncommonXcount  = 6
	offUncommonMoff    = 8

	methodSize      = 16 // abi.Method: Name NameOff, Mtyp TypeOff, Ifn, Tfn TextOff
	imethodSize     = 8  // abi.Imethod: Name NameOff, Typ TypeOff
	structFieldSize = 24 // abi.StructField: Name, Typ *Type, Offset uintptr

	itabHeaderSize = 24 // abi.ITab: Inter, Type, Hash uint32 (+4 unused), then Fun
)

// abi.Kind values.
const (
	kindBool          = 1
	kindInt           = 2
	kindInt8          = 3
	kindInt16         = 4
	kindInt32         = 5
	kindInt64         = 6
	kindUint          = 7
	kindUint8         = 8
	kindUint16        = 9
	kindUint32        = 10
	kindUint64        = 11
	kindUintptr       = 12
	kindFloat32       = 13
	kindFloat64       = 14
	kindComplex64     = 15
	kindComplex128    = 16
	kindArray         = 17
	kindChan          = 18
	kindFunc          = 19
	kindInterface     = 20
	kindMap           = 21
	kindPointer       = 22
	kindSlice         = 23
	kindString        = 24
	kindStruct        = 25
	kindUnsafePointer = 26
)

// abi.TFlag bits.
const (
	tflagUncommon       = 1 << 0
	tflagExtraStar      = 1 << 1
	tflagNamed          = 1 << 2
	tflagRegularMemory  = 1 << 3
	tflagGCMaskOnDemand = 1 << 4
	tflagDirectIface    = 1 << 5
)

// abi.ChanDir values.
const (
	chanRecvDir = 1
	chanSendDir = 2
	chanBothDir = 3
)

// abi.MapType.Flags bits, and the slot limits of the Swiss map.
const (
	mapNeedKeyUpdate  = 1 << 0
	mapHashMightPanic = 1 << 1
	mapIndirectKey    = 1 << 2
	mapIndirectElem   = 1 << 3

	mapGroupSlots   = 8
	mapMaxKeyBytes  = 128
	mapMaxElemBytes = 128
)

// maxPtrmaskBytes is abi.MaxPtrmaskBytes: a type whose pointer prefix needs
// more mask bytes than this gets TFlagGCMaskOnDemand and a GCData word the
// runtime fills in when it first needs the mask.
const maxPtrmaskBytes = 2048

const ptrSize = 8
