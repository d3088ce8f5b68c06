package tenderfile

import (
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/score"
)

// Schema versions: the first field of every file says what it holds and in
// which version of the format. A version changes only when a field is
// removed or its meaning changes; fields may be added within a version.
const (
	// TenderSchema heads a tender file.
	TenderSchema = "tenderscore/tender/1"
	// BidsSchema heads a bids file.
	BidsSchema = "tenderscore/bids/1"
)

// ReadTender reads a tender file in YAML or JSON ([FormatOf] decides which).
// name is used in errors ("tender.yaml:12:7: …"). Every problem — a syntax
// error, a wrong schema version, an unknown field, a wrong type, a bad
// value — is reported at once in an [*Error], and no tender is returned.
// The [Source] says where each field came from, for [Source.Locate].
//
// ReadTender checks the file's form, not its sense: use
// [score.Tender.Validate] (or [Validate]) for that.
//
// ReadTender reads nothing but r: a tender file that names a measure
// catalogue by its file (catalogue: measures.csv) is refused with a
// problem at that place. [ReadTenderIn] reads such files.
func ReadTender(name string, r io.Reader) (score.Tender, *Source, error) {
	return ReadTenderIn(nil, name, r)
}

// ReadTenderIn reads a tender file as [ReadTender] does, and the measure
// catalogues it names by file from dir, the folder the tender file is in:
// "catalogue: measures.csv" reads a CSV or JSON catalogue (in the layout of
// [criteria.LoadCatalogueCSV] or [criteria.LoadCatalogueJSON]). Paths are
// relative and stay inside dir: an absolute path, or one climbing out with
// "..", is refused; give an [os.Root]'s FS to refuse symbolic links that
// lead out too. Each file is read once, however many criteria name it.
// Problems in a catalogue file are reported at the place the tender file
// names it, with their row and column in the catalogue.
func ReadTenderIn(dir fs.FS, name string, r io.Reader) (score.Tender, *Source, error) {
	var t score.Tender
	tr, err := read(name, r, TenderSchema, "tender", reflect.ValueOf(&t).Elem(), "", &files{dir: dir}, nil)
	if err != nil {
		return score.Tender{}, nil, err
	}
	return t, &Source{parts: []part{{file: name, tree: tr}}}, nil
}

// ReadBids reads a bids file in YAML or JSON, as [ReadTender] reads a
// tender. Field paths in its problems are "bids[3].responses[q1]…".
//
// Each bid is checked on its own as it is read ([score.Bid.Validate]: an
// id, a lot, a supplier's id and name, visible ids), and from the file's
// first problem on the bids are no longer kept, only checked and counted:
// a file of a million empty bids is refused in memory for its bytes, not
// for a million bids. What a bid needs from the tender is checked by
// [Validate].
func ReadBids(name string, r io.Reader) ([]score.Bid, *Source, error) {
	var bids []score.Bid
	tr, err := read(name, r, BidsSchema, "bids", reflect.ValueOf(&bids).Elem(), "bids", nil, checkBid)
	if err != nil {
		return nil, nil, err
	}
	return bids, &Source{parts: []part{{file: name, bids: true, count: len(bids), tree: tr}}}, nil
}

// Validate checks a tender and its bids with [score.Tender.Validate] and
// reports every problem at its place in the files, as an [*Error]; nil when
// all is well.
func Validate(t score.Tender, bids []score.Bid, src *Source) error {
	if err := t.Validate(bids); err != nil {
		return src.Locate(err)
	}
	return nil
}

// read parses a file and decodes its body (the value under bodyKey) into
// v, returning the file kept for positions. A list body (the bids) is
// decoded one element at a time, and each element's nodes are let go once
// decoded — a JSON file's are never all built at once — so that memory
// stays near the size of the decoded values, not of the node tree.
func read(name string, r io.Reader, schema, bodyKey string, v reflect.Value, path string, named *files, check elementCheck) (*tree, error) {
	data, err := readLimited(name, r)
	if err != nil {
		return nil, err
	}
	format := FormatOf(name, data)
	if err := checkYAMLSize(name, data, format); err != nil {
		return nil, err
	}
	ps := &problems{file: name}
	d := newDecoder(ps, len(data))
	d.files = named
	var list *listBody
	if v.Kind() == reflect.Slice {
		ld := newDecoder(&problems{file: name}, len(data))
		ld.files = named
		list = &listBody{d: ld, v: v, path: path, files: named, check: check}
	}
	root, err := parseStreaming(name, data, format, bodyKey, list)
	if err != nil {
		return nil, err
	}
	root, ok := d.resolve(root, "")
	if !ok {
		return nil, ps.err()
	}
	if root.Kind != yaml.MappingNode {
		ps.add(root.Line, root.Column, "", abbreviate(root.Value), "envelope", "want a mapping beginning \"schemaVersion: %s\", found %s", schema, describe(root))
		return nil, ps.err()
	}
	var body *yaml.Node
	version := ""
	for _, p := range d.pairs(root, "", 0, false) {
		switch p.key {
		case "schemaVersion":
			if p.value.Kind != yaml.ScalarNode || p.value.Tag != "!!str" {
				ps.add(p.value.Line, p.value.Column, "schemaVersion", abbreviate(p.value.Value), "schema-version", "want %q, found %s", schema, describe(p.value))
				version = "?"
				continue
			}
			version = p.value.Value
			if version != schema {
				ps.add(p.value.Line, p.value.Column, "schemaVersion", version, "schema-version", "%s", versionMessage(version, schema))
			}
		case bodyKey:
			body = p.value
		default:
			ps.add(p.keyNode.Line, p.keyNode.Column, p.key, p.key, "known-field", "unknown field; a %s file holds schemaVersion and %s", bodyKey, bodyKey)
		}
	}
	if version == "" {
		ps.add(root.Line, root.Column, "schemaVersion", "", "schema-version", "the file must say what it holds: add \"schemaVersion: %s\"", schema)
	}
	if body == nil || isNull(body) {
		ps.add(root.Line, root.Column, bodyKey, "", "required", "the file has no %s", bodyKey)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	switch {
	case list != nil && list.streamed:
		ps = list.d.ps // the elements were decoded as they were read
	case list != nil:
		list.d = d
		list.decode(body)
	default:
		d.value(body, v, path, 1)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return &tree{data: data, format: format, bodyKey: bodyKey}, nil
}

// listBody decodes a file's list body element by element into v — or,
// with visit, hands each element's node to visit instead.
type listBody struct {
	d        *decoder
	v        reflect.Value // the slice to fill
	path     string
	n        int  // elements decoded
	streamed bool // JSON: every element was decoded as it was read
	visit    func(i int, n *yaml.Node)
	files    *files // the files a tender names (named.go), for the decoder
	// check, when set, checks each element once decoded, adding its
	// problems to d (the bids' own checks, as each is read).
	check elementCheck
	// dropped is set at the file's first problem: the file will be
	// refused, so the elements after it are decoded and checked for their
	// problems but not kept, and those kept are let go — a hostile file of
	// a million bad bids costs memory for its bytes, not for its bids.
	dropped bool
}

// reset forgets every element decoded, and their problems, to read them
// again.
func (l *listBody) reset() {
	if l == nil {
		return
	}
	l.n, l.streamed, l.dropped = 0, false, false
	if l.visit == nil {
		l.v.Set(reflect.Zero(l.v.Type()))
		l.d = newDecoder(&problems{file: l.d.ps.file}, l.d.size)
		l.d.files = l.files
	}
}

// grow makes room for n more elements, or for as many as twice the file's
// size holds when n would take more: the count comes from the file, and a
// file of a million empty elements is not given a million up front.
func (l *listBody) grow(n int) {
	if l.visit != nil || n <= 0 {
		return
	}
	if size := int(l.v.Type().Elem().Size()); size > 0 {
		n = min(n, 2*l.d.size/size+16)
	}
	if l.v.Cap()-l.v.Len() < n {
		l.v.Set(reflect.AppendSlice(reflect.MakeSlice(l.v.Type(), 0, l.v.Len()+n), l.v))
	}
}

// element decodes the next element and appends it to the slice, until the
// file has a problem.
func (l *listBody) element(n *yaml.Node) {
	if l.visit != nil {
		l.visit(l.n, n)
		l.n++
		return
	}
	e := reflect.New(l.v.Type().Elem()).Elem()
	before := len(l.d.ps.list) + l.d.ps.omitted
	l.d.value(n, e, index(l.path, l.n), 2)
	if l.check != nil && len(l.d.ps.list)+l.d.ps.omitted == before {
		l.check(l, l.n, e, n)
	}
	l.n++
	if !l.dropped && len(l.d.ps.list) > 0 {
		l.dropped = true
		l.v.Set(reflect.Zero(l.v.Type()))
	}
	if !l.dropped {
		l.v.Set(reflect.Append(l.v, e))
	}
}

// decode decodes a YAML list body, letting go of each element's nodes once
// decoded (an alias elsewhere keeps what it names).
func (l *listBody) decode(body *yaml.Node) {
	n, ok := l.d.resolve(body, l.path)
	if !ok {
		return
	}
	if n.Kind != yaml.SequenceNode || !slices.Contains(standardTags, n.Tag) {
		l.d.value(body, l.v, l.path, 1) // the decoder says what is wrong
		return
	}
	l.grow(len(n.Content))
	for i, c := range n.Content {
		l.element(c)
		n.Content[i] = nil
	}
}

// versionMessage says what is wrong with a schema version.
func versionMessage(got, want string) string {
	kind := func(v string) string {
		parts := strings.Split(v, "/")
		if len(parts) == 3 && parts[0] == "tenderscore" {
			return parts[1]
		}
		return ""
	}
	switch {
	case kind(got) != "" && kind(got) != kind(want):
		return "this is a " + kind(got) + " file; want a " + kind(want) + " file (" + want + ")"
	case kind(got) != "":
		return "this version of the format is not known to this release of tenderscore; want " + want
	}
	return "not a tenderscore file version; want " + want
}
