# reading.R - the instrument and answer decoding shared by the reference scripts
# (sourced by them after they set ins_dir).  Reads UTF-8 comma files as text; an answer
# is an option's code or its label in either language (case-insensitive, spaces
# trimmed); an option without points, and anything else, is missing.
rd <- function(p) read.csv(p, colClasses = "character", encoding = "UTF-8", check.names = FALSE,
                           na.strings = character(0))
items <- rd(file.path(ins_dir, "items.csv"))
sets <- rd(file.path(ins_dir, "response_sets.csv"))
scales <- rd(file.path(ins_dir, "scales.csv"))
norm <- function(s) tolower(trimws(s))

# points of one item for a vector of raw answers, after reversal
points_of <- function(item_row, raw) {
  opts <- sets[sets$response_set == item_row$response_set, ]
  v <- trimws(raw)
  res <- rep(NA_real_, length(v))
  for (k in seq_len(nrow(opts))) {
    hit <- v == opts$code[k] | norm(v) == norm(opts$label_en[k]) | norm(v) == norm(opts$label_sv[k])
    res[hit] <- if (opts$points[k] == "") NA_real_ else as.numeric(opts$points[k])
  }
  if (item_row$reverse == "1") res <- 100 - res
  res
}
