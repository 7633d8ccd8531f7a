# tests/progs/mm/local.mk: memory management: file mappings, mremap, memfd, faults and
# residency, compared with the host; hog and cow_fork serve tests/integration/mm.sh.
PROGS_NAMES += mm/file_map mm/remap mm/memfd_share mm/faults mm/residency mm/hog mm/cow_fork
EXTRA_DIST += tests/progs/mm/runs tests/progs/mm/mmtest.h tests/progs/mm/file_map.c \
	tests/progs/mm/remap.c tests/progs/mm/memfd_share.c tests/progs/mm/faults.c \
	tests/progs/mm/residency.c tests/progs/mm/hog.c tests/progs/mm/cow_fork.c
TESTS += tests/integration/mm.sh
EXTRA_DIST += tests/integration/mm.sh
