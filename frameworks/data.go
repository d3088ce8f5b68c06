package frameworks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tenderscore/tenderscore/score"
)

// Data is what a data file holds: frameworks to add to a catalogue and local
// policies to check with, so that callers can keep them current without a
// new release of this package.
//
//	{
//	  "frameworks": [{"ref": "RM9999", "name": "…", "regime": "pa-2023", …}],
//	  "policies":   [{"name": "…", "authority": "…", "minSocialValuePercent": "10", …}]
//	}
//
// Dates are "YYYY-MM-DD"; amounts and percentages are JSON numbers or
// strings, read exactly.
type Data struct {
	Frameworks []Framework   `json:"frameworks"`
	Policies   []LocalPolicy `json:"policies"`
}

// ReadData reads a data file. Unknown fields are refused; every problem in
// the frameworks and policies is reported at once in a *score.ValidationError
// naming the field ("frameworks[0].dates.end").
func ReadData(r io.Reader) (Data, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return Data{}, fmt.Errorf("reading frameworks data: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var out Data
	if err := dec.Decode(&out); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return Data{}, fmt.Errorf("frameworks data: invalid JSON at byte %d: %w", se.Offset, err)
		case errors.As(err, &te):
			return Data{}, fmt.Errorf("frameworks data: field %s: %w", te.Field, err)
		}
		return Data{}, fmt.Errorf("frameworks data: %w", err)
	}
	if dec.More() {
		return Data{}, errors.New("frameworks data: more than one JSON value")
	}
	var ps problems
	if _, err := NewCatalogue(out.Frameworks...); err != nil {
		var verr *score.ValidationError
		if !errors.As(err, &verr) {
			return Data{}, err
		}
		ps = append(ps, verr.Problems...)
	}
	for i, p := range out.Policies {
		validatePolicy(&ps, fmt.Sprintf("policies[%d]", i), p)
	}
	if err := ps.err(); err != nil {
		return Data{}, err
	}
	return out, nil
}
