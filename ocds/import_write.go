package ocds

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// WriteTender writes the imported tender as a YAML tender file (package
// tenderfile's format), with a comment "TO COMPLETE: …" above every field
// listed in Gaps, and a comment at the top saying which release it was
// read from. [tenderfile.ReadTender] reads it back; validating it then
// names every field still to complete, and the frameworks check those only
// the law needs.
func (im *Imported) WriteTender(w io.Writer) error {
	var buf bytes.Buffer
	if err := tenderfile.EncodeTender(&buf, im.Tender, tenderfile.YAML); err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(buf.Bytes(), &doc); err != nil {
		return err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return fmt.Errorf("ocds: the tender file did not encode as one document")
	}
	root := doc.Content[0]
	root.HeadComment = im.heading()
	if body := mappingValue(root, "tender"); body != nil {
		for _, g := range im.Gaps {
			if k := keyAt(body, g.Field); k != nil {
				k.HeadComment = strings.TrimPrefix(k.HeadComment+"\n"+commentFor(g), "\n")
			}
		}
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	return enc.Close()
}

func (im *Imported) heading() string {
	from := "an OCDS release"
	if im.OCID != "" {
		from = fmt.Sprintf("the OCDS release %q of %s", abbreviate(im.ReleaseID), abbreviate(im.OCID))
	}
	fields := fmt.Sprintf("%d fields are", len(im.Gaps))
	if len(im.Gaps) == 1 {
		fields = "1 field is"
	}
	return fmt.Sprintf("Read from %s by tenderscore import ocds.\n"+
		"%s marked TO COMPLETE: what the notice cannot carry (marking scales,\n"+
		"price methods, minimum scores, the day the procurement commenced).\n"+
		"tenderscore validate names each one until it is given (tenderscore check\n"+
		"the ones only the law needs).", from, fields)
}

func commentFor(g Gap) string {
	if g.Check {
		return "TO COMPLETE (for tenderscore check): " + g.Message
	}
	return "TO COMPLETE: " + g.Message
}

// mappingValue returns the value of a key in a mapping node.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if k := mappingKey(n, key); k != nil {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i] == k {
				return n.Content[i+1]
			}
		}
	}
	return nil
}

func mappingKey(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}

// keyAt follows a field path ("lots[0].policy.criteria[1].weight") from
// the tender's mapping and returns the key node of the deepest field the
// file holds on the way: the field itself, or, when the encoder left it
// out for being empty, the nearest field enclosing it.
func keyAt(body *yaml.Node, path string) *yaml.Node {
	n := body
	var last *yaml.Node
	for _, seg := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(seg, "[")
		k := mappingKey(n, name)
		if k == nil {
			return last
		}
		last, n = k, mappingValue(n, name)
		for rest != "" {
			idx, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(idx)
			if !ok || err != nil || n == nil || n.Kind != yaml.SequenceNode || i < 0 || i >= len(n.Content) {
				return last
			}
			n = n.Content[i]
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return last
}

// WriteBids writes the imported bids as a YAML bids file (package
// tenderfile's format), for [tenderfile.ReadBids]; a file of no bids when
// the release has none.
func (im *Imported) WriteBids(w io.Writer) error {
	bids := im.Bids
	if bids == nil {
		bids = []score.Bid{}
	}
	return tenderfile.EncodeBids(w, bids, tenderfile.YAML)
}
