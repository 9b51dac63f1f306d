// SPDX-License-Identifier: GPL-2.0-only
/*
 * migtest: a program that checks, from the inside, that it was not changed
 * by being migrated. Each mode prints a result that must be the same
 * whether or not (and however often) the process moved; a broken
 * invariant prints "FAIL ..." and exits 1.
 *
 *   migtest spin MB ITERS   compute over MB of heap; every iteration checks
 *                           registers (general, flags, xmm) across a busy
 *                           loop, a __thread variable and the heap. ITERS 0:
 *                           until /tmp/migtest-stop exists; the output
 *                           names the count, for a reference run
 *   migtest io N            N numbered lines to stdout, one per 0.1 s, with
 *                           getpid() checked against the pid at start
 *   migtest away            wait until /proc/self/where is not 0 (a test moved
 *                           it), then print "away N"; the modes below start so
 *   migtest sig N           count N SIGRTMIN+1 signals in a handler while
 *                           computing; print "sig N" and the blocked mask kept
 *   migtest segv            fault on purpose, recover with siglongjmp
 *   migtest exit CODE       exit with CODE
 *   migtest fork            fork; the child exits 7 and the parent reaps it
 *   migtest exec            execve() itself as "migtest where"
 *   migtest where           print the pid and whether it is the same as before
 *   migtest files           files, pipes, cwd, ids, uname: the same as before
 *   migtest timers          alarm() and an interval timer reach their handler
 *   migtest sleep           a 30 s nanosleep interrupted by SIGUSR1 returns EINTR
 *                           with the time left; then a 3 s one survives
 *                           SIGSTOP/SIGCONT (it is restarted)
 *   migtest cant KIND       make itself unmovable (threads, shared, shm, mlock,
 *                           cputimer, rt), print "ready", then spin for 60 s
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static __thread uint64_t tls_counter;

static void fail(const char *what, uint64_t a, uint64_t b)
{
	printf("FAIL %s: %#" PRIx64 " != %#" PRIx64 "\n", what, a, b);
	fflush(stdout);
	exit(1);
}

/* Known values in r12-r15, rbx, xmm8-9 and the flags across a busy loop. */
static uint64_t registers_survive(uint64_t seed, unsigned int loops)
{
	uint64_t bad;

	asm volatile(
		"mov %[seed], %%r12\n\t"
		"lea 1(%%r12), %%r13\n\t"
		"lea 2(%%r12), %%r14\n\t"
		"lea 3(%%r12), %%r15\n\t"
		"lea 4(%%r12), %%rbx\n\t"
		"movq %%r12, %%xmm8\n\t"
		"movq %%r15, %%xmm9\n\t"
		"stc\n\t"
		"mov %[loops], %%ecx\n"
		"1:\n\t"
		"lea -1(%%rcx), %%ecx\n\t"	/* lea keeps CF */
		"jrcxz 2f\n\t"
		"jmp 1b\n"
		"2:\n\t"
		"mov $1, %%eax\n\t"
		"jnc 3f\n\t"
		"mov $2, %%eax\n\t"
		"lea 1(%%r12), %%rdx\n\t" "cmp %%rdx, %%r13\n\t" "jne 3f\n\t"
		"lea 2(%%r12), %%rdx\n\t" "cmp %%rdx, %%r14\n\t" "jne 3f\n\t"
		"lea 3(%%r12), %%rdx\n\t" "cmp %%rdx, %%r15\n\t" "jne 3f\n\t"
		"lea 4(%%r12), %%rdx\n\t" "cmp %%rdx, %%rbx\n\t" "jne 3f\n\t"
		"mov $3, %%eax\n\t"
		"movq %%xmm8, %%rdx\n\t" "cmp %%rdx, %%r12\n\t" "jne 3f\n\t"
		"movq %%xmm9, %%rdx\n\t" "cmp %%rdx, %%r15\n\t" "jne 3f\n\t"
		"mov $4, %%eax\n\t"
		"cmp %[seed], %%r12\n\t" "jne 3f\n\t"
		"xor %%eax, %%eax\n"
		"3:\n\t"
		: "=&a"(bad)
		: [seed] "m"(seed), [loops] "r"(loops)
		: "rcx", "rdx", "rbx", "r12", "r13", "r14", "r15", "xmm8", "xmm9", "cc", "memory");
	return bad;
}

static int spin(size_t mb, uint64_t iters)
{
	size_t n = (mb << 20) / 8, i, j, k;
	uint64_t *heap, sum = 0, fold = 0, it, bad;
	int forever = !iters;
	double x = 1.0;

	heap = malloc(n * 8);
	if (!heap) {
		perror("malloc");
		return 1;
	}
	for (i = 0; i < n; i++)
		heap[i] = i * 0x9e3779b97f4a7c15ULL;
	for (it = 0; forever || it < iters; it++) {
		if (forever && !(it % 256) && access("/tmp/migtest-stop", F_OK) == 0) {
			iters = it;
			break;
		}
		bad = registers_survive(it * 0x0101010101010101ULL + 1, 20000);
		if (bad)
			fail("registers", bad, 0);
		tls_counter++;
		x = x * 1.0000001 + 0.5;	/* the FPU state moves too */
		for (j = (it * 4099) % n, k = 0; k < 1024; k++) {
			heap[(j + k * 97) % n] ^= sum + k;
			sum = sum * 31 + heap[(j + k) % n];
		}
	}
	if (tls_counter != iters)
		fail("__thread counter", tls_counter, iters);
	for (i = 0; i < n; i++)
		fold = fold * 1099511628211ULL + heap[i];
	printf("spin %zu %" PRIu64 " %016" PRIx64 " %.6e\n", mb, iters, sum ^ fold, x);
	return 0;
}

static int io(unsigned int lines)
{
	pid_t pid = getpid();
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	unsigned int i;

	for (i = 1; i <= lines; i++) {
		if (getpid() != pid)
			fail("getpid", getpid(), pid);
		if ((pid_t)syscall(SYS_gettid) != pid)
			fail("gettid", syscall(SYS_gettid), pid);
		printf("line %u\n", i);
		fflush(stdout);
		nanosleep(&ts, NULL);
	}
	return 0;
}

static int where(void)
{
	char buf[16] = "";
	int fd = open("/proc/self/where", O_RDONLY);

	if (fd < 0 || read(fd, buf, sizeof(buf) - 1) <= 0) {
		perror("/proc/self/where");
		exit(1);
	}
	close(fd);
	return atoi(buf);
}

/* Wait until a test has moved this process; burn CPU meanwhile. */
static int wait_away(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int i, w;

	for (i = 0; i < 3000; i++) {
		w = where();
		if (w)
			return w;
		registers_survive(i, 100000);
		nanosleep(&ts, NULL);
	}
	printf("FAIL never moved\n");
	exit(1);
}

static volatile sig_atomic_t got;

static void on_signal(int sig)
{
	(void)sig;
	got++;
}

static int sig(int n)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t set, old;
	uint64_t it = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigaction(SIGRTMIN + 1, &sa, NULL);
	printf("away %d\n", wait_away());
	while (got < n) {
		if (registers_survive(it++, 20000))
			fail("registers", 1, 0);
	}
	sigprocmask(SIG_BLOCK, NULL, &old);
	printf("sig %d usr2-blocked %d\n", (int)got, sigismember(&old, SIGUSR2));
	return 0;
}

static sigjmp_buf jump;

static void on_segv(int s)
{
	(void)s;
	siglongjmp(jump, 1);
}

static int segv(void)
{
	struct sigaction sa = { .sa_handler = on_segv };
	static volatile uintptr_t bad_addr = 16;
	volatile int *bad = (volatile int *)bad_addr;

	sigaction(SIGSEGV, &sa, NULL);
	printf("away %d\n", wait_away());
	if (sigsetjmp(jump, 1) == 0) {
		*bad = 1;
		printf("FAIL no fault\n");
		return 1;
	}
	printf("segv caught\n");
	return 0;
}

static int do_fork(void)
{
	int status;
	pid_t child;

	printf("away %d\n", wait_away());
	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0)
		_exit(7);
	if (waitpid(child, &status, 0) != child) {
		perror("waitpid");
		return 1;
	}
	printf("child exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

static int do_exec(char *self)
{
	char pid[16];
	char *argv[] = { "migtest", "where", pid, NULL };

	printf("away %d\n", wait_away());
	snprintf(pid, sizeof(pid), "%d", getpid());
	execv(self, argv);
	perror("execv");
	return 1;
}

static void check_ok(int cond, const char *what)
{
	if (!cond) {
		printf("FAIL %s: %s\n", what, strerror(errno));
		exit(1);
	}
}

static int files(void)
{
	char cwd0[256], cwd[256], buf[65536], back[65536], byte;
	struct utsname u0, u;
	uid_t uid = getuid(), euid = geteuid();
	const char *path = "/tmp/migtest-files";
	struct stat st;
	int fd, p[2];
	size_t i;

	check_ok(getcwd(cwd0, sizeof(cwd0)) != NULL, "getcwd");
	check_ok(uname(&u0) == 0, "uname");
	printf("away %d\n", wait_away());
	check_ok(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, cwd0), "same cwd");
	check_ok(getuid() == uid && geteuid() == euid, "same uid");
	check_ok(uname(&u) == 0 && !strcmp(u.nodename, u0.nodename), "home's uname");
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + 3);
	fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	check_ok(fd >= 0, "open");
	for (i = 0; i < sizeof(buf); i += 4096)
		check_ok(write(fd, buf + i, 4096) == 4096, "write");
	check_ok(fstat(fd, &st) == 0 && st.st_size == sizeof(buf), "fstat size");
	check_ok(lseek(fd, 0, SEEK_SET) == 0, "lseek");
	check_ok(read(fd, back, sizeof(back)) == sizeof(back), "read");
	check_ok(!memcmp(buf, back, sizeof(buf)), "read what was written");
	check_ok(close(fd) == 0 && stat(path, &st) == 0 && unlink(path) == 0, "stat, unlink");
	check_ok(pipe(p) == 0 && write(p[1], "x", 1) == 1 && read(p[0], &byte, 1) == 1 &&
		 byte == 'x', "pipe");
	check_ok(chdir("/proc") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/proc") &&
		 chdir(cwd0) == 0, "chdir");
	printf("files ok where %d\n", where());
	return 0;
}

static volatile sig_atomic_t alarms, ticks;

static void on_alarm(int s)
{
	(void)s;
	alarms++;
}

static void on_tick(int s)
{
	(void)s;
	ticks++;
}

/* alarm(), then an interval timer, reach the handler while it computes. */
static int timers(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { { 0, 200000 }, { 0, 200000 } };
	uint64_t n = 0;

	sigaction(SIGALRM, &sa, NULL);
	printf("away %d\n", wait_away());
	alarm(1);
	while (!alarms)
		registers_survive(n++, 20000);
	sa.sa_handler = on_tick;
	sigaction(SIGALRM, &sa, NULL);
	check_ok(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer");
	while (ticks < 5)
		registers_survive(n++, 20000);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	printf("timers ok alarm %d ticks>=5 %d\n", (int)alarms, ticks >= 5);
	return 0;
}

static void on_usr1(int s)
{
	(void)s;
}

static int sleeper(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct timespec ts = { 30, 0 }, rem = { 0, 0 }, t0, t1;
	int ret;

	sigaction(SIGUSR1, &sa, NULL);	/* no SA_RESTART */
	printf("away %d\n", wait_away());
	printf("sleeping\n");
	ret = nanosleep(&ts, &rem);
	printf("sleep 1: %s, rem>20 %d\n", ret ? strerror(errno) : "done", rem.tv_sec > 20);
	ts.tv_sec = 3;
	clock_gettime(CLOCK_REALTIME, &t0);
	printf("sleeping 3\n");
	ret = nanosleep(&ts, &rem);
	clock_gettime(CLOCK_REALTIME, &t1);
	printf("sleep 2: %s, slept>=3 %d\n", ret ? strerror(errno) : "done",
	       t1.tv_sec - t0.tv_sec >= 3);
	return 0;
}

static void *idle_thread(void *arg)
{
	pause();
	return arg;
}

static int cant(const char *kind)
{
	time_t end = time(NULL) + 60;
	pthread_t thread;
	void *p = NULL;
	int id;

	if (!strcmp(kind, "threads")) {
		if (pthread_create(&thread, NULL, idle_thread, NULL))
			return 1;
	} else if (!strcmp(kind, "shared")) {
		p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	} else if (!strcmp(kind, "shm")) {
		id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
		p = id < 0 ? MAP_FAILED : shmat(id, NULL, 0);
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
	} else if (!strcmp(kind, "mlock")) {
		p = malloc(8192);
		if (mlock(p, 8192))
			p = MAP_FAILED;
	} else if (!strcmp(kind, "cputimer")) {
		struct itimerval it = { { 0, 0 }, { 100, 0 } };

		if (setitimer(ITIMER_VIRTUAL, &it, NULL))
			p = MAP_FAILED;
	} else if (!strcmp(kind, "rt")) {
		struct sched_param sp = { .sched_priority = 1 };

		if (sched_setscheduler(0, SCHED_RR, &sp))
			p = MAP_FAILED;
		sched_yield();
	} else {
		fprintf(stderr, "unknown kind %s\n", kind);
		return 2;
	}
	if (p == MAP_FAILED) {
		perror(kind);
		return 1;
	}
	printf("ready\n");
	while (time(NULL) < end)
		registers_survive(1, 100000);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && !strcmp(argv[1], "away"))
		return printf("away %d\n", wait_away()) < 0;
	if (argc == 3 && !strcmp(argv[1], "sig"))
		return sig(atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "segv"))
		return segv();
	if (argc == 3 && !strcmp(argv[1], "exit")) {
		printf("away %d\n", wait_away());
		exit(atoi(argv[2]));
	}
	if (argc == 2 && !strcmp(argv[1], "fork"))
		return do_fork();
	if (argc == 2 && !strcmp(argv[1], "exec"))
		return do_exec(argv[0]);
	if (argc == 3 && !strcmp(argv[1], "where"))
		return printf("exec pid %s\n", atoi(argv[2]) == getpid() ? "same" : "changed") < 0;
	if (argc == 2 && !strcmp(argv[1], "files"))
		return files();
	if (argc == 2 && !strcmp(argv[1], "timers"))
		return timers();
	if (argc == 2 && !strcmp(argv[1], "sleep"))
		return sleeper();
	if (argc == 3 && !strcmp(argv[1], "cant"))
		return cant(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "spin"))
		return spin(strtoul(argv[2], NULL, 0), strtoull(argv[3], NULL, 0));
	if (argc == 3 && !strcmp(argv[1], "io"))
		return io(strtoul(argv[2], NULL, 0));
	fprintf(stderr, "usage: migtest spin MB ITERS | io N | away | sig N | segv | exit CODE |"
		" fork | exec | files | timers | sleep | cant KIND\n");
	return 2;
}
