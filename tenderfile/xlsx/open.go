package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// Limits on a workbook, which may come from a bidder and be hostile: a zip
// file expands, and a sheet may name cells far beyond its data.
const (
	// MaxFileBytes is the largest workbook file read (32 MiB, as for
	// package tenderfile's files).
	MaxFileBytes = 32 << 20
	// MaxUnzippedBytes is the most its parts may hold uncompressed, all
	// together (256 MiB): a workbook of marks for a thousand bids is a few
	// megabytes.
	MaxUnzippedBytes = 256 << 20
	// MaxParts is the most parts (files in the zip) a workbook may have.
	MaxParts = 10000
	// MaxColumns is the rightmost column read: a layout has at most 12
	// columns, and a cell with a value right of column BL is refused.
	MaxColumns = 64
	// MaxCells is the most cells with values the layout sheets of one
	// workbook may hold together.
	MaxCells = 2_000_000
)

// cfbMagic begins a Compound File Binary document: an Excel 97–2003 .xls
// workbook, or an encrypted (password-protected) .xlsx, which Office wraps
// in one ([MS-OFFCRYPTO] §2.3.4: the EncryptionInfo and EncryptedPackage
// streams).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// opened is a workbook opened by excelize, with the bytes of its parts.
type opened struct {
	f *excelize.File
}

// open checks what the file is before excelize reads it, so that an old
// .xls, an encrypted workbook, an OpenDocument or binary workbook, or a zip
// bomb each get a sentence saying what to do, and excelize never expands
// more than MaxUnzippedBytes.
func open(data []byte) (_ *opened, msg string) {
	if len(data) > MaxFileBytes {
		return nil, fmt.Sprintf("the file is larger than %d MiB, the most tenderscore reads; split the bids across several workbooks", MaxFileBytes>>20)
	}
	switch {
	case bytes.HasPrefix(data, cfbMagic):
		return nil, compoundFile(data)
	case len(data) == 0:
		return nil, "the file is empty"
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if utf8.Valid(data) {
			return nil, "the file is text, not an Excel workbook (.xlsx): if it holds CSV, name it .csv"
		}
		return nil, "not an Excel workbook (.xlsx): it is not a zip file"
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "not an Excel workbook: its zip container is damaged (" + err.Error() + ")"
	}
	if msg := checkZip(zr); msg != "" {
		return nil, msg
	}
	f, err := safely(func() (*excelize.File, error) {
		return excelize.OpenReader(bytes.NewReader(data), excelize.Options{
			// Equal limits: nothing is unzipped to a temporary file.
			UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: MaxUnzippedBytes,
		})
	})
	if err != nil {
		return nil, "not a workbook Excel can open (" + err.Error() + ")"
	}
	return &opened{f: f}, ""
}

// checkZip bounds the parts and tells other zip-based formats apart.
// archive/zip refuses to read a part past its declared size, so the
// declared sizes bound what is expanded.
func checkZip(zr *zip.Reader) string {
	if len(zr.File) > MaxParts {
		return fmt.Sprintf("the workbook has more than %d parts, the most tenderscore reads", MaxParts)
	}
	var total uint64
	has := map[string]bool{}
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > MaxUnzippedBytes || total > MaxUnzippedBytes {
			return fmt.Sprintf("the workbook expands to more than %d MiB, the most tenderscore reads: it may be a zip bomb, or too large; split the bids across several workbooks", MaxUnzippedBytes>>20)
		}
		has[strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))] = true
	}
	switch {
	case has["mimetype"] && has["content.xml"]:
		return "an OpenDocument spreadsheet (.ods), not an Excel workbook: save it as an Excel workbook (.xlsx)"
	case has["xl/workbook.bin"]:
		return "an Excel binary workbook (.xlsb): save it as an Excel workbook (.xlsx)"
	case !has["[content_types].xml"]:
		return "a zip file but not an Excel workbook (.xlsx): it has no [Content_Types].xml"
	}
	return ""
}

// compoundFile says what a Compound File Binary document is.
func compoundFile(data []byte) string {
	names, err := safely(func() ([]string, error) {
		doc, err := mscfb.New(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		var names []string
		for e, err := doc.Next(); err == nil && len(names) < MaxParts; e, err = doc.Next() {
			names = append(names, e.Name)
		}
		return names, nil
	})
	if err == nil {
		for _, n := range names {
			switch n {
			case "EncryptedPackage", "EncryptionInfo":
				return "the workbook is password-protected (encrypted): remove the password (File > Info > Protect Workbook > Encrypt with Password, cleared) and save it again; tenderscore does not take passwords"
			}
		}
		for _, n := range names {
			switch n {
			case "Workbook", "Book":
				return "an Excel 97–2003 workbook (.xls): save it as an Excel workbook (.xlsx)"
			}
		}
	}
	return "a Compound File document (perhaps a Word .doc or an old .xls), not an Excel workbook (.xlsx)"
}

// safely runs a call into another library, turning a panic on hostile
// input into an error: whatever the library does, the caller gets an
// error, never a panic.
func safely[T any](fn func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			v, err = zero, fmt.Errorf("the library reading it failed: %v", r)
		}
	}()
	return fn()
}

// part returns the bytes of a part of the package.
func (o *opened) part(name string) []byte {
	v, ok := o.f.Pkg.Load(name)
	if !ok {
		return nil
	}
	b, _ := v.([]byte)
	return b
}

// readAll reads at most MaxFileBytes+1 bytes.
func readAll(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
}
