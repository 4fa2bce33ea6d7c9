# compare_reference.R - independent reference for comparison.csv, reliability.csv and
# reliability_items.csv (interface.md §3-§5, §8), written in R from the contract and
# sharing no code with copsoq: t.test (Welch and paired), p.adjust("BH"), Cronbach's
# alpha by formula on complete cases (checked against psych::alpha when installed).
#
#   Rscript tests/r/compare_reference.R INSTRUMENT_DIR OUT_DIR GROUPS MIN_GROUP LABEL=FILE ...
#   GROUPS: comma-separated grouping columns, or - for none.  Writes OUT_DIR/comparison.csv,
#   OUT_DIR/reliability.csv, OUT_DIR/reliability_items.csv (and prints a line per check).
#
# Handles UTF-8 comma files with codes or labels (either language, case-insensitive),
# empty/NA/. as missing, duplicate ids (first kept).  Undefined statistics (t.test refuses:
# fewer than 2 values, "data are essentially constant") are empty cells.
args <- commandArgs(trailingOnly = TRUE)
ins_dir <- args[1]; out_dir <- args[2]
groups <- if (args[3] == "-") character(0) else strsplit(args[3], ",")[[1]]
min_group <- as.integer(args[4])
wave_args <- args[-(1:4)]
have_psych <- requireNamespace("psych", quietly = TRUE)

here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE)))
source(file.path(here, "reading.R"))  # rd(), items, sets, scales, norm(), points_of()
sensitive <- if ("sensitive" %in% names(scales)) scales$sensitive == "1" else rep(FALSE, nrow(scales))
min_for <- function(s) if (sensitive[scales$scale == s]) max(min_group, 20L) else min_group


## ------------------------------------------------------------------ waves
waves <- list()
for (w in wave_args) {
  eq <- regexpr("=", w)
  label <- substr(w, 1, eq - 1); path <- substr(w, eq + 1, nchar(w))
  d <- rd(path)
  d <- d[trimws(d$id) != "" & !duplicated(d$id), ]
  for (g in groups) d[[g]][trimws(d[[g]]) == ""] <- "(missing)"
  pts <- sapply(seq_len(nrow(items)), function(i) points_of(items[i, ], d[[items$item[i]]]))
  pts <- matrix(pts, nrow = nrow(d), dimnames = list(NULL, items$item))
  score <- sapply(scales$scale, function(s) {
    m <- pts[, items$item[items$scale == s], drop = FALSE]
    answered <- rowSums(!is.na(m))
    sc <- rowMeans(m, na.rm = TRUE)
    sc[answered * 2 < ncol(m) | answered == 0] <- NA
    sc
  })
  score <- matrix(score, nrow = nrow(d), dimnames = list(NULL, scales$scale))
  waves[[length(waves) + 1]] <- list(label = label, d = d, pts = pts, score = score)
}

## ------------------------------------------------------------------ summary suppression (§5)
# suppressed[[wave]][[breakdown]] = data.frame(group, scale, n, suppressed)
source(file.path(here, "nested_rule.R"))  # secondary(), protect(): §5 and nested breakdowns
levels_of <- function(wv, b) if (b == "all") "all" else sort(unique(wv$d[[b]]), method = "radix")
members <- function(wv, b, g) if (b == "all") rep(TRUE, nrow(wv$d)) else wv$d[[b]] == g
summ <- list()
for (wi in seq_along(waves)) {
  wv <- waves[[wi]]
  for (s in scales$scale) {
    blocks <- list()
    for (b in c("all", groups)) {
      lev <- levels_of(wv, b)
      n <- sapply(lev, function(g) sum(!is.na(wv$score[members(wv, b, g), s])))
      blocks[[b]] <- data.frame(group = lev, n = n, suppressed = as.integer(n < min_for(s)))
    }
    if (length(groups) > 0)
      blocks[groups] <- protect(blocks[groups], wv$d, min_for(s))
    for (b in c("all", groups)) summ[[paste(wi, b, s)]] <- blocks[[b]]
  }
}
sup_of <- function(wi, b, s, g) {
  block <- summ[[paste(wi, b, s)]]
  k <- match(g, block$group)
  if (is.na(k)) 1L else block$suppressed[k]
}

## ------------------------------------------------------------------ comparison
tt <- function(expr) tryCatch(expr, error = function(e) NULL)
rows <- list()
for (wi in seq_len(length(waves) - 1)) {
  A <- waves[[wi]]; B <- waves[[wi + 1]]
  ia <- match(B$d$id, A$d$id)            # wave-A row of each wave-B respondent
  for (b in c("all", groups)) {
    lev <- sort(unique(c(levels_of(A, b), levels_of(B, b))), method = "radix")
    for (s in scales$scale) {
      mg <- min_for(s)
      ind <- list(); par <- list()
      for (g in lev) {
        sup <- max(sup_of(wi, b, s, g), sup_of(wi + 1, b, s, g))
        ## independent (Welch)
        xa <- A$score[members(A, b, g), s]; xa <- xa[!is.na(xa)]
        xb <- B$score[members(B, b, g), s]; xb <- xb[!is.na(xb)]
        r <- list(breakdown = b, group = g, scale = s, design = "independent",
                  wave_a = A$label, wave_b = B$label, n_a = length(xa), n_b = length(xb),
                  mean_a = mean(xa), mean_b = mean(xb), diff = mean(xb) - mean(xa),
                  ci_low = NA, ci_high = NA, t = NA, df = NA, p = NA, effect = NA, suppressed = sup)
        if (length(xa) > 1 && length(xb) > 1) {
          sp <- sqrt(((length(xa) - 1) * var(xa) + (length(xb) - 1) * var(xb)) /
                     (length(xa) + length(xb) - 2))
          if (sp > 0) r$effect <- r$diff / sp * (1 - 3 / (4 * (length(xa) + length(xb)) - 9))
          t1 <- tt(t.test(xb, xa, var.equal = FALSE))
          if (!is.null(t1)) {
            r$ci_low <- t1$conf.int[1]; r$ci_high <- t1$conf.int[2]
            r$t <- unname(t1$statistic); r$df <- unname(t1$parameter); r$p <- t1$p.value
          }
        }
        ind[[g]] <- r
        ## paired: ids in both waves with a score in both; group of wave B
        inb <- members(B, b, g) & !is.na(ia)
        pa <- A$score[ia[inb], s]; pb <- B$score[inb, s]
        ok <- !is.na(pa) & !is.na(pb); rows_a <- ia[inb][ok]; pa <- pa[ok]; pb <- pb[ok]
        n <- length(pa)
        # paired remainder (contract v2 §5): who the pairs leave over in each wave
        same_a <- sum(members(A, b, g)[rows_a])
        rest_a <- (length(xa) - same_a) + (n - same_a)
        rest_b <- length(xb) - n
        small <- function(k) k > 0 && k < mg
        r <- list(breakdown = b, group = g, scale = s, design = "paired",
                  wave_a = A$label, wave_b = B$label, n_a = n, n_b = n,
                  mean_a = mean(pa), mean_b = mean(pb), diff = mean(pb - pa),
                  ci_low = NA, ci_high = NA, t = NA, df = NA, p = NA, effect = NA,
                  suppressed = as.integer(sup == 1 || n < mg || small(rest_a) || small(rest_b)))
        if (n > 1) {
          t1 <- tt(t.test(pb, pa, paired = TRUE))
          if (!is.null(t1)) {
            r$ci_low <- t1$conf.int[1]; r$ci_high <- t1$conf.int[2]
            r$t <- unname(t1$statistic); r$df <- unname(t1$parameter); r$p <- t1$p.value
            r$effect <- mean(pb - pa) / sd(pb - pa)
          }
        }
        par[[g]] <- r
      }
      if (b != "all") {   # secondary rule over the paired rows, counting pairs
        block <- data.frame(group = lev, n = sapply(par, `[[`, "n_a"),
                            suppressed = sapply(par, `[[`, "suppressed"))
        block <- secondary(block, mg)
        for (k in seq_along(lev)) par[[k]]$suppressed <- block$suppressed[k]
      }
      rows <- c(rows, unname(ind), unname(par))
    }
  }
  # nested breakdowns (nested_rule.R), counting pairs, nesting as in wave B
  if (length(groups) > 1) for (s in scales$scale) {
    blocks <- list(); where <- list()
    for (b in groups) {
      k <- which(sapply(rows, function(r) r$design == "paired" && r$wave_a == A$label &&
                                        r$scale == s && r$breakdown == b))
      where[[b]] <- k
      blocks[[b]] <- data.frame(group = sapply(rows[k], `[[`, "group"),
                                n = sapply(rows[k], `[[`, "n_a"),
                                suppressed = sapply(rows[k], `[[`, "suppressed"))
    }
    blocks <- protect(blocks, B$d, min_for(s))
    for (b in groups) for (i in seq_along(where[[b]]))
      rows[[where[[b]][i]]]$suppressed <- blocks[[b]]$suppressed[i]
  }
}
res <- do.call(rbind, lapply(rows, as.data.frame, stringsAsFactors = FALSE))
## BH within (wave pair, breakdown, group, design) over shown rows with a p
res$p_adj <- NA_real_
fam <- interaction(res$wave_a, res$breakdown, res$group, res$design, drop = TRUE)
for (f in levels(fam)) {
  k <- which(fam == f & res$suppressed == 0)
  res$p_adj[k] <- p.adjust(res$p[k], "BH")
}
good <- scales$higher_is[match(res$scale, scales$scale)] == "good"
res$relevance <- ifelse(abs(res$diff) < 5, 0, ifelse(abs(res$diff) < 10, 1, 2))
res$change <- ifelse(!is.na(res$p_adj) & res$p_adj < 0.05 & res$diff != 0,
                     ifelse((res$diff > 0) == good, "better", "worse"), "none")
num <- c("n_a", "n_b", "mean_a", "mean_b", "diff", "ci_low", "ci_high", "t", "df", "p", "p_adj",
         "effect", "relevance")
out <- res[, c("breakdown", "group", "scale", "design", "wave_a", "wave_b", num[1:12],
               "suppressed", "relevance", "change")]
fmt <- function(v) ifelse(is.na(v) | !is.finite(v), "", sprintf("%.15g", v))
for (c in num) out[[c]] <- ifelse(out$suppressed == 1, "", fmt(out[[c]]))
out$change[out$suppressed == 1] <- ""
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
write.csv(out, file.path(out_dir, "comparison.csv"), row.names = FALSE, na = "", fileEncoding = "UTF-8")
cat(sprintf("comparison.csv: %d rows, %d suppressed\n", nrow(out), sum(out$suppressed)))

## ------------------------------------------------------------------ reliability
alpha_f <- function(m) {
  vt <- var(rowSums(m)); k <- ncol(m)
  if (nrow(m) < 2 || k < 2 || vt == 0) return(NA)
  k / (k - 1) * (1 - sum(apply(m, 2, var)) / vt)
}
rel <- list(); reli <- list(); worst <- 0
for (wv in waves) for (s in scales$scale) {
  its <- items$item[items$scale == s]
  if (length(its) < 2) next                # single-item scale: no row
  m <- wv$pts[, its, drop = FALSE]
  m <- m[complete.cases(m), , drop = FALSE]
  n <- nrow(m); shown <- n >= min_for(s)
  a <- if (shown) alpha_f(m) else NA
  rel[[length(rel) + 1]] <- data.frame(wave = wv$label, scale = s, items = length(its),
                                       n_complete = n, alpha = fmt(a))
  for (j in seq_along(its)) {
    rest <- rowSums(m[, -j, drop = FALSE])
    r <- if (!shown || n < 2 || var(m[, j]) == 0 || var(rest) == 0) NA else cor(m[, j], rest)
    ad <- if (!shown || length(its) < 3) NA else alpha_f(m[, -j, drop = FALSE])
    reli[[length(reli) + 1]] <- data.frame(wave = wv$label, scale = s, item = its[j],
                                           n_complete = n, item_rest_r = fmt(r),
                                           alpha_if_deleted = fmt(ad))
  }
  if (have_psych && !is.na(a) && all(apply(m, 2, var) > 0)) {
    ps <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(m), check.keys = FALSE,
                                                         warnings = FALSE)))
    worst <- max(worst, abs(ps$total$raw_alpha - a))
  }
}
write.csv(do.call(rbind, rel), file.path(out_dir, "reliability.csv"), row.names = FALSE,
          fileEncoding = "UTF-8")
write.csv(do.call(rbind, reli), file.path(out_dir, "reliability_items.csv"), row.names = FALSE,
          fileEncoding = "UTF-8")
cat(sprintf("reliability.csv: %d rows; largest |alpha - psych::alpha| %s\n", length(rel),
            if (have_psych) sprintf("%.3g", worst) else "(psych not installed)"))
