// SPDX-License-Identifier: GPL-2.0-only
/*
 * /sbin/modprobe of the test initramfs: loads one module from
 * DIR/lib/modules/$(uname -r)/extra/ once, as kvm-arm.protected_modules=
 * needs. Its options come, in this order, from "options NAME ..." lines
 * in the .conf files of /etc/modprobe.d, from NAME.PARAM=VALUE on the
 * kernel command line when /proc is mounted (android14-6.1's loader
 * mounts none), and from the arguments. -d DIR is a root directory, as
 * for kmod's modprobe:
 * pKVM runs "modprobe -q -d /lib/modules/ -- NAME" first, which finds
 * nothing here, then the same without -d. Busybox's modprobe and insmod
 * retry a failed finit_module() with init_module(), so a refused load
 * would run twice; Android's modprobe, which GKI devices use, tries once,
 * and so does this one.
 *
 * Usage: modprobe [-q] [-d DIR] [--] NAME [PARAM=VALUE...]
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

static char options[4096];

static void add_option(const char *opt)
{
	size_t len = strlen(options);

	if (len + strlen(opt) + 2 > sizeof(options)) {
		fprintf(stderr, "modprobe: options too long\n");
		exit(1);
	}
	if (len)
		options[len++] = ' ';
	memcpy(options + len, opt, strlen(opt) + 1);
}

/* Module names compare with '-' and '_' as one. */
static int same_name(const char *a, const char *b, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char x = a[i] == '-' ? '_' : a[i], y = b[i] == '-' ? '_' : b[i];

		if (x != y)
			return 0;
	}
	return 1;
}

static void add_cmdline_options(const char *name)
{
	static char cmdline[4096];
	size_t len = strlen(name), n;
	char *tok, *save;
	FILE *f = fopen("/proc/cmdline", "r");

	if (!f)
		return;
	n = fread(cmdline, 1, sizeof(cmdline) - 1, f);
	fclose(f);
	cmdline[n] = '\0';
	for (tok = strtok_r(cmdline, "\t\n ", &save); tok;
	     tok = strtok_r(NULL, "\t\n ", &save))
		if (strlen(tok) > len + 1 && tok[len] == '.' &&
		    same_name(tok, name, len))
			add_option(tok + len + 1);
}

/* The "options NAME ARGS..." lines in the .conf files of /etc/modprobe.d. */
static void add_config_options(const char *name)
{
	static const char dir[] = "/etc/modprobe.d";
	char path[512], line[4096], *tok, *save;
	size_t len = strlen(name);
	struct dirent *de;
	DIR *d = opendir(dir);
	FILE *f;

	if (!d)
		return;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);

		if (n < 5 || strcmp(de->d_name + n - 5, ".conf"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f)) {
			tok = strtok_r(line, "\t\n ", &save);
			if (!tok || strcmp(tok, "options"))
				continue;
			tok = strtok_r(NULL, "\t\n ", &save);
			if (!tok || strlen(tok) != len || !same_name(tok, name, len))
				continue;
			while ((tok = strtok_r(NULL, "\t\n ", &save)))
				add_option(tok);
		}
		fclose(f);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	char path[512], name[256];
	const char *root = "";
	struct utsname uts;
	int i = 1, quiet = 0, fd;
	size_t k;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-q"))
			quiet = 1;
		else if (!strcmp(argv[i], "-d") && i + 1 < argc)
			root = argv[++i];
	}
	if (i >= argc || strlen(argv[i]) >= sizeof(name)) {
		fprintf(stderr, "usage: modprobe [-q] [-d DIR] [--] NAME [PARAM=VALUE...]\n");
		return 1;
	}
	for (k = 0; argv[i][k]; k++)
		name[k] = argv[i][k] == '-' ? '_' : argv[i][k];
	name[k] = '\0';

	add_config_options(name);
	add_cmdline_options(name);
	for (i++; i < argc; i++)
		add_option(argv[i]);

	uname(&uts);
	snprintf(path, sizeof(path), "%s/lib/modules/%s/extra/%s.ko",
		 root, uts.release, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (!quiet)
			fprintf(stderr, "modprobe: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (syscall(SYS_finit_module, fd, options, 0)) {
		if (errno == EEXIST)
			return 0;
		fprintf(stderr, "modprobe: can't load module %s: %s\n", name,
			strerror(errno));
		return 1;
	}
	return 0;
}
