package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/crc64"
	"hash/fnv"
	"hash/maphash"
	"io"
	"strings"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("md5    %x\n", md5.Sum(data))
	fmt.Printf("sha1   %x\n", sha1.Sum(data))
	fmt.Printf("sha256 %x\n", sha256.Sum256(data))
	fmt.Printf("sha224 %x\n", sha256.Sum224(data))
	fmt.Printf("sha512 %x\n", sha512.Sum512(data))
	fmt.Printf("sha384 %x\n", sha512.Sum384(data))
	h := sha256.New()
	for _, w := range strings.Fields(string(data)) {
		io.WriteString(h, w+" ")
	}
	fmt.Println(hex.EncodeToString(h.Sum(nil)), h.Size(), h.BlockSize())
	mac := hmac.New(sha256.New, []byte("secret-key"))
	mac.Write(data)
	sum := mac.Sum(nil)
	fmt.Printf("hmac   %x\n", sum)
	mac2 := hmac.New(sha256.New, []byte("secret-key"))
	mac2.Write(data)
	fmt.Println(hmac.Equal(sum, mac2.Sum(nil)), hmac.Equal(sum, []byte("x")))
	hm := hmac.New(md5.New, nil)
	hm.Write([]byte(""))
	fmt.Printf("%x\n", hm.Sum(nil))
	fmt.Println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)), adler32.Checksum(data))
	fmt.Println(crc64.Checksum(data, crc64.MakeTable(crc64.ECMA)), crc64.Checksum(data, crc64.MakeTable(crc64.ISO)))
	hashes := []hash.Hash{fnv.New32(), fnv.New32a(), fnv.New64(), fnv.New64a(), fnv.New128a()}
	for _, hh := range hashes {
		hh.Write(data)
		fmt.Printf("%x ", hh.Sum(nil))
	}
	fmt.Println()
	f := fnv.New32a()
	f.Write([]byte("key"))
	fmt.Println(f.Sum32(), f.Sum32()%16)
	ch := crc32.NewIEEE()
	ch.Write(data[:10])
	ch.Write(data[10:])
	fmt.Println(ch.Sum32() == crc32.ChecksumIEEE(data))
	seed := maphash.MakeSeed()
	fmt.Println(maphash.String(seed, "abc") == maphash.String(seed, "abc"), maphash.Bytes(seed, []byte("abc")) == maphash.String(seed, "abc"))
	var mh maphash.Hash
	mh.WriteString("x")
	a := mh.Sum64()
	mh.Reset()
	mh.WriteString("x")
	fmt.Println(a == mh.Sum64())
	big := make([]byte, 1<<16)
	for i := range big {
		big[i] = byte(i * 31)
	}
	fmt.Printf("%x\n%x\n", sha256.Sum256(big), md5.Sum(big))
}
