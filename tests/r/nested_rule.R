# nested_rule.R - the anonymity rules of contract §5 plus copsoq's extension for
# nested breakdowns, in R, for the reference scripts (sourced by them).
#
# blocks: named list, one data.frame(group, n, suppressed) per breakdown of one wave and
# scale, primary suppression already applied.  d: that wave's data (grouping columns).
# Rules: first the contract's within each breakdown, then both until nothing changes:
#  - within each breakdown (contract): while the hidden groups hold 0 < n < mg, hide the
#    shown group with the smallest n (ties: name first by bytes);
#  - nested breakdowns (extension): when every group of breakdown C lies inside one group
#    of breakdown P, for each group p of P: if p is shown, the same rule over p's children;
#    if p is hidden and all its children are shown, hide its smallest child.
secondary <- function(block, mg) {
  repeat {
    hidden <- sum(block$n[block$suppressed == 1])
    if (hidden == 0 || hidden >= mg) break
    shown <- which(block$suppressed == 0)
    if (length(shown) == 0) break
    o <- shown[order(block$n[shown], block$group[shown], method = "radix")][1]
    block$suppressed[o] <- 1
  }
  block
}

is_nested <- function(d, child, parent)
  all(tapply(d[[parent]], d[[child]], function(x) length(unique(x))) == 1)

protect <- function(blocks, d, mg) {
  bks <- names(blocks)
  # the contract's rule first, so that its result is always part of the result
  for (b in bks) blocks[[b]] <- secondary(blocks[[b]], mg)
  repeat {
    before <- sum(sapply(blocks, function(b) sum(b$suppressed)))
    for (c in bks) for (p in bks) {
      if (c == p || !is_nested(d, c, p)) next
      parent_of <- tapply(d[[p]], d[[c]], function(x) x[1])
      kb <- blocks[[c]]; pb <- blocks[[p]]
      for (v in pb$group) {
        k <- which(parent_of[kb$group] == v)
        if (length(k) == 0) next
        if (pb$suppressed[pb$group == v] == 0) {
          kb[k, ] <- secondary(kb[k, ], mg)
        } else if (all(kb$suppressed[k] == 0)) {
          o <- k[order(kb$n[k], kb$group[k], method = "radix")][1]
          kb$suppressed[o] <- 1
        }
      }
      blocks[[c]] <- kb
    }
    for (b in bks) blocks[[b]] <- secondary(blocks[[b]], mg)
    if (sum(sapply(blocks, function(b) sum(b$suppressed))) == before) break
  }
  blocks
}
