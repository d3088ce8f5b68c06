package score

// bidTags checks what the Bid type's validate tags declare — a bid id, a
// lot, and its supplier's id and name, each required — as the tags would
// report it (the same field paths, values, rule and words, in field order),
// without the reflection the tags cost on every bid of a field of
// thousands. validator/v10 stays the declaration: a test holds this to
// structTags on the same bids, so a tag added to Bid without a check here
// fails it.
func (v *validation) bidTags(prefix string, b *Bid) {
	required := func(field, value string) {
		if value == "" {
			v.push(Problem{Field: join(prefix, field), Value: "", Rule: "required", Message: "is required"})
		}
	}
	required("id", b.ID)
	required("supplier.id", b.Supplier.ID)
	required("supplier.name", b.Supplier.Name)
	required("lot", b.Lot)
}
