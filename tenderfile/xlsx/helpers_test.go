package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// rawSheet is one sheet of a hand-made workbook: its name and the XML of
// its sheetData (and anything after it, such as mergeCells).
type rawSheet struct {
	name, xml string
}

// rawWorkbook makes a workbook from sheets written as XML, so that tests
// control exactly what the file stores: the numbers' digits, the cell
// types, formulas with saved results, styles. Styles: 0 general, 1 the
// currency format £#,##0.00, 2 a date (built-in 14), 3 a percentage
// (built-in 10), 4 a custom date format dd/mm/yyyy.
func rawWorkbook(t testing.TB, date1904 bool, strs []string, sheets ...rawSheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	var ct, wbSheets, rels strings.Builder
	for i, s := range sheets {
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(s.name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`+s.xml+`</worksheet>`)
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`+ct.String()+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+pr+`<sheets>`+wbSheets.String()+`</sheets></workbook>`)
	n := len(sheets)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+
		fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, n+1, n+2)+`</Relationships>`)
	put("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`)
	var sst strings.Builder
	for _, s := range strs {
		fmt.Fprintf(&sst, `<si><t xml:space="preserve">%s</t></si>`, html.EscapeString(s))
	}
	put("xl/sharedStrings.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>`, len(strs), len(strs), sst.String()))
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// inline writes a row of inline-string cells, from column A.
func inline(row int, values ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, row)
	for i, v := range values {
		if v == "" {
			continue
		}
		fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, tenderfile.ColumnName(i+1), row, html.EscapeString(v))
	}
	b.WriteString(`</row>`)
	return b.String()
}

func readTender(t testing.TB, name string) score.Tender {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	tn, _, err := tenderfile.ReadTender(name, f)
	require.NoError(t, err)
	return tn
}

func readBidsFile(t testing.TB, name string) []score.Bid {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	bids, _, err := tenderfile.ReadBids(name, f)
	require.NoError(t, err)
	return bids
}

// problems lists an error's problems, one string each.
func problems(t testing.TB, err error) []string {
	t.Helper()
	var ferr *tenderfile.Error
	require.ErrorAs(t, err, &ferr)
	var out []string
	for _, p := range ferr.Problems {
		out = append(out, p.String())
	}
	return out
}

// digits writes a decimal with the digits it holds, trailing zeros kept
// ("4390000.00"), unlike String.
func digits(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

const (
	testTender = "../testdata/tender.yaml"
	testBids   = "../testdata/bids.yaml"
)

// compoundFileWith makes a Compound File Binary document ([MS-CFB]) holding
// streams of the given names, each 4096 zero bytes (at the mini stream
// cutoff, so no mini stream is needed): the container of an Excel 97–2003
// workbook (a Workbook stream) and of an encrypted workbook.
func compoundFileWith(t testing.TB, names ...string) []byte {
	t.Helper()
	const sector = 512
	le := func(b []byte, off int, v uint32) {
		b[off], b[off+1], b[off+2], b[off+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	const free, end, fatSect, noStream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	header := make([]byte, sector)
	copy(header, cfbMagic)
	header[24], header[26], header[28], header[29], header[30], header[32] = 0x3E, 3, 0xFE, 0xFF, 9, 6
	le(header, 44, 1)    // one FAT sector
	le(header, 48, 1)    // the directory at sector 1
	le(header, 56, 4096) // mini stream cutoff
	le(header, 60, end)
	le(header, 68, end)
	for i := 0; i < 109; i++ {
		le(header, 76+4*i, free)
	}
	le(header, 76, 0) // the FAT at sector 0
	fat := make([]byte, sector)
	for i := 0; i < 128; i++ {
		le(fat, 4*i, free)
	}
	le(fat, 0, fatSect)
	le(fat, 4, end)
	dirSectors := (len(names) + 1 + 3) / 4
	require.Equal(t, 1, dirSectors, "a test needs at most three streams")
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, child, right, start, size uint32) {
		e := dir[128*i:]
		u := []rune(name)
		for j, r := range u {
			e[2*j], e[2*j+1] = byte(r), byte(r>>8)
		}
		e[64] = byte(2 * (len(u) + 1))
		e[66], e[67] = typ, 1
		le(e, 68, noStream)
		le(e, 72, right)
		le(e, 76, child)
		le(e, 116, start)
		le(e, 120, size)
	}
	entry(0, "Root Entry", 5, 1, noStream, end, 0)
	for i := 1; i < 4; i++ {
		if i <= len(names) {
			continue
		}
		e := dir[128*i:]
		le(e, 68, noStream)
		le(e, 72, noStream)
		le(e, 76, noStream)
	}
	var data []byte
	next := uint32(2)
	for i, n := range names {
		right := uint32(noStream)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		entry(i+1, n, 2, noStream, right, next, 4096)
		for s := 0; s < 8; s++ {
			link := next + uint32(s) + 1
			if s == 7 {
				link = end
			}
			le(fat, 4*int(next+uint32(s)), link)
		}
		next += 8
		data = append(data, make([]byte, 4096)...)
	}
	out := append(append(append(header, fat...), dir...), data...)
	return out
}
