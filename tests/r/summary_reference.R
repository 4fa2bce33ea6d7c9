# summary_reference.R - independent reference for scale_summary.csv (contract §3-§5),
# written in R from the contract, sharing no code with copsoq.
#
#   Rscript tests/r/summary_reference.R INSTRUMENT_DIR OUT.csv GROUPS LABEL=FILE ...
#   e.g. Rscript tests/r/summary_reference.R samples/instruments/copsoq3-se \
#        tests/r/malmo_scale_summary.csv forvaltning,sektion,yrke \
#        2016=samples/malmo/wave2016.csv 2017=samples/malmo/wave2017.csv
#
# Handles only clean-ish UTF-8 comma files (what the samples are): codes, labels
# in either language (case-insensitive), NA/./empty, duplicate ids (first kept).
args <- commandArgs(trailingOnly = TRUE)
ins_dir <- args[1]; out <- args[2]; groups <- strsplit(args[3], ",")[[1]]
waves <- args[-(1:3)]
min_group <- 5
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE)))
source(file.path(here, "nested_rule.R"))  # protect(): §5 and nested breakdowns
source(file.path(here, "reading.R"))  # rd(), items, sets, scales, norm(), points_of()


rows <- list()
for (w in waves) {
  eq <- regexpr("=", w); label <- substr(w, 1, eq - 1); path <- substr(w, eq + 1, nchar(w))
  d <- rd(path)
  d <- d[!duplicated(d$id), ]
  for (g in groups) d[[g]][trimws(d[[g]]) == ""] <- "(missing)"
  score <- sapply(scales$scale, function(s) {
    its <- items[items$scale == s, ]
    m <- sapply(seq_len(nrow(its)), function(i) points_of(its[i, ], d[[its$item[i]]]))
    m <- matrix(m, nrow = nrow(d))
    answered <- rowSums(!is.na(m))
    sc <- rowMeans(m, na.rm = TRUE)
    sc[answered * 2 < nrow(its) | answered == 0] <- NA
    sc
  })
  score <- matrix(score, nrow = nrow(d), dimnames = list(NULL, scales$scale))
  desc <- function(x) {
    x <- x[!is.na(x)]; n <- length(x)
    if (n == 0) return(c(n = 0, mean = NA, sd = NA, lo = NA, hi = NA, med = NA, q1 = NA, q3 = NA))
    m <- mean(x); s <- if (n > 1) sd(x) else NA
    h <- if (n > 1) qt(0.975, n - 1) * s / sqrt(n) else NA
    q <- quantile(x, c(0.5, 0.25, 0.75), type = 7, names = FALSE)
    c(n = n, mean = m, sd = s, lo = m - h, hi = m + h, med = q[1], q1 = q[2], q3 = q[3])
  }
  for (s in scales$scale) {
    r <- desc(score[, s])
    rows[[length(rows) + 1]] <- data.frame(wave = label, breakdown = "all", group = "all",
      scale = s, t(r), suppressed = as.integer(r["n"] < min_group), check.names = FALSE)
    blocks <- list()
    for (g in groups) {
      lev <- sort(unique(d[[g]]), method = "radix")  # radix = C-locale byte order
      blocks[[g]] <- do.call(rbind, lapply(lev, function(v) {
        r <- desc(score[d[[g]] == v, s])
        data.frame(wave = label, breakdown = g, group = v, scale = s, t(r),
                   suppressed = as.integer(r["n"] < min_group), check.names = FALSE)
      }))
    }
    if (length(groups) > 0) blocks <- protect(blocks, d, min_group)
    for (g in groups) rows[[length(rows) + 1]] <- blocks[[g]]
  }
}
res <- do.call(rbind, rows)
names(res) <- c("wave", "breakdown", "group", "scale", "n", "mean", "sd", "ci_low", "ci_high",
                "median", "q1", "q3", "suppressed")
num <- c("n", "mean", "sd", "ci_low", "ci_high", "median", "q1", "q3")
for (c in num) res[[c]][res$suppressed == 1] <- NA
# order statistics (contract v2 §5): empty in a group of fewer than 2 * min_group
for (c in c("median", "q1", "q3")) res[[c]][!is.na(res$n) & res$n < 2 * min_group] <- NA
f <- format(res, digits = 15)
f[] <- lapply(f, function(col) { col <- trimws(col); col[col == "NA"] <- ""; col })
write.csv(f, out, row.names = FALSE, na = "", fileEncoding = "UTF-8")
