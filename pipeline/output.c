/*
 * output.c - the output folder: a lock, a private temporary folder, and the
 * move of a complete run's files into place (see study.h, cq_output_*).
 *
 *   --out DIR
 *     .copsoq.lock        flock()ed for the whole run; removed at the end
 *                         when this run created it
 *     .copsoq-XXXXXX/     mkdtemp (mode 0700): every file of the run is
 *                         created here with O_CREAT|O_EXCL|O_NOFOLLOW
 *
 * Only cq_output_commit() touches DIR's result files: each existing result
 * is hard-linked into the private folder first, then every new file is
 * renamed over its final name, then DIR is fsynced.  If a rename fails the
 * earlier results are renamed back, so a failed run leaves DIR as it was.
 * Nothing is ever removed that this run did not create.
 *
 * The state is static because a signal handler must find it: SIGINT,
 * SIGTERM and SIGHUP remove the private folder (unlinkat and rmdir only,
 * which are async-signal-safe), the lock file when this run made it, and
 * then end the process by the same signal.  The commit blocks them.
 */
#include "copsoq/log.h"
#include "copsoq/study.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCK_NAME     ".copsoq.lock"
#define TMP_TEMPLATE  ".copsoq-XXXXXX"
#define MAX_FILES     16
#define NAME_MAX_LEN  64
#define BACKUP_PREFIX "old."

static struct {
    int out_fd;  /* the output folder, O_DIRECTORY */
    int tmp_fd;  /* the private folder inside it */
    int lock_fd; /* .copsoq.lock, flock()ed */
    int made_lock;
    int made_out;   /* the output folder itself was created by this run */
    char *out_path; /* malloc'ed copy of --out, for rmdir of a folder we made */
    char tmp_name[sizeof TMP_TEMPLATE];
    char names[MAX_FILES][NAME_MAX_LEN]; /* files reserved in the private folder */
    size_t n_names;
    struct sigaction old[3];
} g = {.out_fd = -1, .tmp_fd = -1, .lock_fd = -1};

static volatile sig_atomic_t armed;
static const int caught[3] = {SIGINT, SIGTERM, SIGHUP};

/* Removes what this run made; async-signal-safe (called from the handler). */
static void
remove_own(void)
{
    if (g.tmp_fd >= 0)
        for (size_t i = 0; i < g.n_names; i++)
            unlinkat(g.tmp_fd, g.names[i], 0);
    if (g.out_fd >= 0 && g.tmp_name[0])
        unlinkat(g.out_fd, g.tmp_name, AT_REMOVEDIR);
    if (g.made_lock && g.lock_fd >= 0)
        unlinkat(g.out_fd, LOCK_NAME, 0);
    if (g.made_out && g.out_path)
        rmdir(g.out_path); /* only when empty */
}

static void
on_signal(int sig)
{
    if (armed) {
        armed = 0;
        remove_own();
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void
arm(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 3; i++)
        sigaddset(&sa.sa_mask, caught[i]);
    for (int i = 0; i < 3; i++)
        sigaction(caught[i], &sa, &g.old[i]);
    armed = 1;
}

static void
disarm(void)
{
    armed = 0;
    for (int i = 0; i < 3; i++)
        sigaction(caught[i], &g.old[i], NULL);
}

static void
block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < 3; i++)
        sigaddset(&set, caught[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void
close_all(void)
{
    if (g.lock_fd >= 0)
        close(g.lock_fd); /* releases the flock */
    if (g.tmp_fd >= 0)
        close(g.tmp_fd);
    if (g.out_fd >= 0)
        close(g.out_fd);
    free(g.out_path);
    g.out_fd = g.tmp_fd = g.lock_fd = -1;
    g.made_lock = g.made_out = 0;
    g.out_path = NULL;
    g.tmp_name[0] = '\0';
    g.n_names = 0;
}

/* Creates dir and its parents; g.made_out is 1 when dir itself was made. */
static cq_status
make_dirs(const char *dir, cq_diag *d)
{
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        if (!S_ISDIR(sb.st_mode))
            return cq_fail(d, CQ_ERR_WRITE, "%s: exists and is not a folder", dir);
        return CQ_OK;
    }
    char *p = strdup(dir);
    if (!p)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            cq_status st =
                cq_fail(d, CQ_ERR_WRITE, "%s: cannot create folder: %s", p, strerror(errno));
            free(p);
            return st;
        }
        *s = '/';
    }
    free(p);
    if (mkdir(dir, 0777) == 0)
        g.made_out = 1;
    else if (errno != EEXIST)
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create folder: %s", dir, strerror(errno));
    return CQ_OK;
}

/* Takes the lock; a second run into the same folder stops at once with a
 * message (it does not wait: a run can take minutes and a waiting run would
 * overwrite the first one's results without the user seeing why). */
static cq_status
take_lock(const char *dir, cq_diag *d)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        int made = 1;
        int fd =
            openat(g.out_fd, LOCK_NAME, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno == EEXIST) {
            made = 0;
            fd = openat(g.out_fd, LOCK_NAME, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
            if (fd < 0 && errno == ENOENT)
                continue; /* removed meanwhile by the run that made it */
        }
        if (fd < 0 && errno == ELOOP)
            return cq_fail(d, CQ_ERR_WRITE,
                           "%s/%s: is a symbolic link, not copsoq's lock file; not following "
                           "it (remove it if you did not make it)",
                           dir, LOCK_NAME);
        if (fd < 0)
            return cq_fail(d, CQ_ERR_WRITE, "%s/%s: cannot create the lock file: %s", dir,
                           LOCK_NAME, strerror(errno));
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            if (made)
                unlinkat(g.out_fd, LOCK_NAME, 0);
            close(fd);
            if (e == EWOULDBLOCK)
                return cq_fail(d, CQ_ERR_WRITE,
                               "%s: another copsoq run is writing into this folder (%s is "
                               "locked); wait until it has finished, or choose another --out",
                               dir, LOCK_NAME);
            return cq_fail(d, CQ_ERR_WRITE, "%s/%s: cannot lock: %s", dir, LOCK_NAME, strerror(e));
        }
        /* the file we locked must still be the one with that name: a run
         * that made it may have removed it between our open and flock */
        struct stat a, b;
        if (fstat(fd, &a) == 0 && fstatat(g.out_fd, LOCK_NAME, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
            a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            g.lock_fd = fd;
            g.made_lock = made;
            return CQ_OK;
        }
        close(fd);
    }
    return cq_fail(d, CQ_ERR_WRITE, "%s/%s: cannot take the lock", dir, LOCK_NAME);
}

/* Names the private folders that runs killed outright (SIGKILL, a crash, a
 * power cut) left in --out: no handler ran for them.  With the lock held no
 * other run is using one, but they are not this run's to delete: the user is
 * told what they are and may remove them. */
static void
warn_leftovers(const char *dir)
{
    int fd = dup(g.out_fd);
    DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dp) {
        if (fd >= 0)
            close(fd);
        return;
    }
    const size_t len = sizeof TMP_TEMPLATE - 1, stem = len - 6; /* ".copsoq-" + XXXXXX */
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        struct stat sb;
        if (strlen(e->d_name) == len && strncmp(e->d_name, TMP_TEMPLATE, stem) == 0 &&
            fstatat(g.out_fd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(sb.st_mode))
            cq_warn("%s/%s: left by a copsoq run that was killed before it could clean up "
                    "(it holds that run's unfinished files, never results); remove it",
                    dir, e->d_name);
    }
    closedir(dp);
}

cq_status
cq_output_begin(cq_study *st, cq_diag *d)
{
    const char *dir = st->settings->out_dir;
    close_all();
    /* signals wait until the handler knows everything made so far */
    sigset_t old;
    block_signals(&old);
    arm();
    char *tmp = NULL;
    cq_status s = make_dirs(dir, d);
    if (s != CQ_OK)
        goto fail;
    g.out_path = strdup(dir);
    size_t n = strlen(dir) + sizeof TMP_TEMPLATE + 1;
    tmp = malloc(n);
    if (!g.out_path || !tmp) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto fail;
    }
    g.out_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (g.out_fd < 0) {
        s = cq_fail(d, CQ_ERR_WRITE, "%s: cannot open folder: %s", dir, strerror(errno));
        goto fail;
    }
    s = take_lock(dir, d);
    if (s != CQ_OK)
        goto fail;
    warn_leftovers(dir);
    snprintf(tmp, n, "%s/%s", dir, TMP_TEMPLATE);
    if (!mkdtemp(tmp)) {
        s = cq_fail(d, CQ_ERR_WRITE, "%s: cannot create a temporary folder: %s", dir,
                    strerror(errno));
        goto fail;
    }
    memcpy(g.tmp_name, tmp + strlen(dir) + 1, sizeof g.tmp_name);
    g.tmp_fd = openat(g.out_fd, g.tmp_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (g.tmp_fd < 0) {
        s = cq_fail(d, CQ_ERR_WRITE, "%s: cannot open: %s", tmp, strerror(errno));
        goto fail;
    }
    st->tmp_dir = tmp;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return CQ_OK;
fail:
    disarm();
    remove_own();
    close_all();
    free(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return s;
}

cq_status
cq_output_reserve(cq_study *st, const char *name, const char **tmp_path, cq_diag *d)
{
    if (!st->tmp_dir)
        return cq_fail(d, CQ_ERR_INTERNAL, "%s: no output folder prepared", name);
    if (g.n_names == MAX_FILES || strlen(name) + sizeof BACKUP_PREFIX > NAME_MAX_LEN ||
        strchr(name, '/'))
        return cq_fail(d, CQ_ERR_INTERNAL, "%s: too many or odd output names", name);
    cq_output_file *o = realloc(st->outputs, (st->n_outputs + 1) * sizeof *o);
    if (!o)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    st->outputs = o;
    size_t n = strlen(st->tmp_dir) + strlen(name) + 2;
    char *p = malloc(n);
    char *nm = strdup(name);
    if (!p || !nm) {
        free(p);
        free(nm);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    snprintf(p, n, "%s/%s", st->tmp_dir, name);
    o[st->n_outputs].final_path = nm; /* the name inside --out */
    o[st->n_outputs].tmp_path = p;
    st->n_outputs++;
    /* the handler may read names[] at any time: write the entry, then count it */
    memcpy(g.names[g.n_names], name, strlen(name) + 1);
    g.n_names++;
    *tmp_path = p;
    return CQ_OK;
}

cq_status
cq_output_open(cq_study *st, const char *name, FILE **fp, const char **tmp_path, cq_diag *d)
{
    const char *tmp;
    cq_status s = cq_output_reserve(st, name, &tmp, d);
    if (s != CQ_OK)
        return s;
    int fd = openat(g.tmp_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create: %s", tmp, strerror(errno));
    *fp = fdopen(fd, "wb");
    if (!*fp) {
        close(fd);
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create: %s", tmp, strerror(errno));
    }
    if (tmp_path)
        *tmp_path = tmp;
    return CQ_OK;
}

/* Flushes a finished file in the private folder to disk. */
static cq_status
sync_file(const char *name, const char *shown, cq_diag *d)
{
    int fd = openat(g.tmp_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return cq_fail(d, CQ_ERR_WRITE, "%s: missing after writing: %s", shown, strerror(errno));
    int r = fsync(fd);
    int e = errno;
    close(fd);
    if (r != 0 && e != EINVAL && e != EROFS)
        return cq_fail(d, CQ_ERR_WRITE, "%s: write failed: %s", shown, strerror(e));
    return CQ_OK;
}

cq_status
cq_output_commit(cq_study *st, cq_diag *d)
{
    const char *dir = st->settings->out_dir;
    cq_status s = CQ_OK;
    for (size_t i = 0; i < st->n_outputs && s == CQ_OK; i++)
        s = sync_file(st->outputs[i].final_path, st->outputs[i].tmp_path, d);
    if (s != CQ_OK)
        return s;

    sigset_t old;
    block_signals(&old);
    /* keep each earlier result as a hard link in the private folder, so
     * that a failed rename can put it back */
    char backup[MAX_FILES][NAME_MAX_LEN + sizeof BACKUP_PREFIX];
    int had[MAX_FILES] = {0};
    size_t n = st->n_outputs, moved = 0;
    for (size_t i = 0; i < n && s == CQ_OK; i++) {
        const char *name = st->outputs[i].final_path;
        snprintf(backup[i], sizeof backup[i], "%s%s", BACKUP_PREFIX, name);
        struct stat sb;
        if (fstatat(g.out_fd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno != ENOENT)
                s = cq_fail(d, CQ_ERR_WRITE, "%s/%s: %s", dir, name, strerror(errno));
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            s = cq_fail(d, CQ_ERR_WRITE, "%s/%s: is a folder; cannot put the result there", dir,
                        name);
            continue;
        }
        if (linkat(g.out_fd, name, g.tmp_fd, backup[i], 0) == 0)
            had[i] = 1;
        else
            had[i] = -1; /* exists but no backup possible (e.g. no hard links here) */
    }
    for (; moved < n && s == CQ_OK; moved++) {
        const char *name = st->outputs[moved].final_path;
        if (renameat(g.tmp_fd, name, g.out_fd, name) != 0) {
            s = cq_fail(d, CQ_ERR_WRITE, "%s/%s: cannot move into place: %s", dir, name,
                        strerror(errno));
            break;
        }
    }
    if (s != CQ_OK) {
        /* put the folder back as it was: earlier results return, new files go */
        for (size_t i = 0; i < moved; i++) {
            const char *name = st->outputs[i].final_path;
            if (had[i] == 1)
                renameat(g.tmp_fd, backup[i], g.out_fd, name);
            else if (had[i] == 0)
                unlinkat(g.out_fd, name, 0);
        }
    }
    for (size_t i = 0; i < n; i++)
        if (had[i] == 1)
            unlinkat(g.tmp_fd, backup[i], 0);
    if (s == CQ_OK) {
        g.n_names = 0; /* moved: no longer ours to remove */
        if (fsync(g.out_fd) != 0 && errno != EINVAL && errno != EROFS)
            s = cq_fail(d, CQ_ERR_WRITE, "%s: cannot sync the folder: %s", dir, strerror(errno));
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return s;
}

void
cq_output_discard(cq_study *st)
{
    /* only the study that began the output owns it (the per-wave studies of
     * waves.c are freed while the run goes on) */
    if (!st->tmp_dir || (g.out_fd < 0 && g.lock_fd < 0))
        return;
    sigset_t old;
    block_signals(&old);
    disarm();
    remove_own();
    close_all();
    sigprocmask(SIG_SETMASK, &old, NULL);
    for (size_t i = 0; i < st->n_outputs; i++) {
        free(st->outputs[i].tmp_path);
        st->outputs[i].tmp_path = NULL;
    }
    free(st->tmp_dir);
    st->tmp_dir = NULL;
}
