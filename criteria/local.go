package criteria

import (
	"fmt"
	"regexp"
	"strings"
)

// LocalArea is a buyer-defined local area: the boroughs and postcode
// districts inside which local jobs and local supply-chain spend count.
//
// Scoring commitments delivered in the local area under the contract is not
// location-based: it is lawful above threshold. Scoring where the bidder
// itself is based is location-based, and such a criterion must be marked
// score.Criterion.LocationBased so that package frameworks can refuse it
// above threshold (Procurement Act 2023 ss.89–90).
// Nothing in this package scores where a bidder is based.
type LocalArea struct {
	// Name names the area in explanations ("Croydon").
	Name string `json:"name"`
	// Boroughs lists boroughs or districts by name ("Croydon").
	Boroughs []string `json:"boroughs,omitempty"`
	// PostcodeDistricts lists outward codes ("CR0", "SE25").
	PostcodeDistricts []string `json:"postcodeDistricts,omitempty"`
}

var (
	postcodeDistrict = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?$`)
	fullPostcode     = regexp.MustCompile(`^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$`)
)

// Validate reports every problem with the area, relative to it: a missing
// name, an empty area (no borough and no postcode district), a blank or
// repeated borough, a postcode district that is not an outward code.
func (a LocalArea) Validate() []Problem {
	var ps problems
	if strings.TrimSpace(a.Name) == "" {
		ps.add("name", "", "required", "name the local area")
	}
	if len(a.Boroughs) == 0 && len(a.PostcodeDistricts) == 0 {
		ps.add("boroughs", "", "non-empty", "a local area needs at least one borough or postcode district")
	}
	seen := map[string]int{}
	for i, b := range a.Boroughs {
		f := fmt.Sprintf("boroughs[%d]", i)
		k := strings.ToLower(strings.TrimSpace(b))
		if k == "" {
			ps.add(f, b, "required", "a borough needs a name")
			continue
		}
		if j, dup := seen[k]; dup {
			ps.add(f, b, "unique", "borough already listed at boroughs[%d]", j)
		} else {
			seen[k] = i
		}
	}
	seenD := map[string]int{}
	for i, d := range a.PostcodeDistricts {
		f := fmt.Sprintf("postcodeDistricts[%d]", i)
		k := strings.ToUpper(strings.TrimSpace(d))
		if !postcodeDistrict.MatchString(k) {
			ps.add(f, d, "postcode-district", "not a postcode district: want an outward code such as CR0 or SE25")
			continue
		}
		if j, dup := seenD[k]; dup {
			ps.add(f, d, "unique", "postcode district already listed at postcodeDistricts[%d]", j)
		} else {
			seenD[k] = i
		}
	}
	return ps
}

// Contains reports whether a place lies in the area: a borough named in it
// (case does not matter), a postcode district in it, or a full postcode whose
// district is in it ("CR0 1NX").
func (a LocalArea) Contains(place string) bool {
	p := strings.ToUpper(strings.TrimSpace(place))
	if m := fullPostcode.FindStringSubmatch(p); m != nil {
		p = m[1]
	}
	for _, d := range a.PostcodeDistricts {
		if strings.ToUpper(strings.TrimSpace(d)) == p {
			return true
		}
	}
	for _, b := range a.Boroughs {
		if strings.EqualFold(strings.TrimSpace(b), strings.TrimSpace(place)) {
			return true
		}
	}
	return false
}

// Describe names the area and what it is made of: "Croydon (borough
// Croydon; postcode districts CR0, CR2)".
func (a LocalArea) Describe() string {
	var parts []string
	if len(a.Boroughs) > 0 {
		parts = append(parts, plural(len(a.Boroughs), "borough ", "boroughs ")+strings.Join(a.Boroughs, ", "))
	}
	if len(a.PostcodeDistricts) > 0 {
		parts = append(parts, plural(len(a.PostcodeDistricts), "postcode district ", "postcode districts ")+strings.Join(a.PostcodeDistricts, ", "))
	}
	return fmt.Sprintf("%s (%s)", a.Name, strings.Join(parts, "; "))
}
