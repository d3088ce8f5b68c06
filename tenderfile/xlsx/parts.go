package xlsx

import (
	"encoding/xml"
	"path"
	"strings"
)

// The package's parts are found as excelize finds them (its getSheetMap
// and getWorksheetPath): the office document relationship in _rels/.rels
// names the workbook part; the workbook lists its sheets, each with a
// relationship id; the workbook's relationships give each sheet's part.
// The scan in this package reads the same bytes excelize holds, and the
// two are checked against each other cell by cell (see readValues).

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type workbookXML struct {
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"id,attr"`
	} `xml:"sheets>sheet"`
}

// sheetPart is where one sheet's XML is.
type sheetPart struct {
	path      string
	worksheet bool // a worksheet, not a chart sheet or other kind
}

// sheetParts maps each sheet's name to its part.
func (o *opened) sheetParts() map[string]sheetPart {
	var root relationships
	_ = xml.Unmarshal(o.part("_rels/.rels"), &root)
	wbPath := ""
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	var wb workbookXML
	_ = xml.Unmarshal(o.part(wbPath), &wb)
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	var rels relationships
	_ = xml.Unmarshal(o.part(strings.TrimPrefix(relsPath, "/")), &rels)
	out := map[string]sheetPart{}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID != s.RID {
				continue
			}
			p := strings.TrimPrefix(path.Clean(path.Dir(wbPath)+"/"+r.Target), "/")
			if strings.HasPrefix(r.Target, "/") {
				p = strings.TrimPrefix(path.Clean(r.Target), "/")
			}
			out[s.Name] = sheetPart{path: p, worksheet: strings.HasSuffix(r.Type, "/worksheet")}
		}
	}
	return out
}
