package tenderfile

import _ "embed"

// The JSON Schemas of the two files, for editors (a YAML or JSON language
// server validates and completes a file against them). They are written
// from the model by this package's tests (`go test ./tenderfile -update`)
// and checked against every example file.
var (
	//go:embed schema/tender.schema.json
	tenderSchema []byte
	//go:embed schema/bids.schema.json
	bidsSchema []byte
)

// TenderJSONSchema returns the JSON Schema (draft 2020-12) of a tender
// file, as schema/tender.schema.json holds it.
func TenderJSONSchema() []byte { return append([]byte(nil), tenderSchema...) }

// BidsJSONSchema returns the JSON Schema (draft 2020-12) of a bids file,
// as schema/bids.schema.json holds it.
func BidsJSONSchema() []byte { return append([]byte(nil), bidsSchema...) }
