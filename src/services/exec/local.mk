# src/services/exec/local.mk: execve's later parts: ASLR layout and the vDSO mapping
# (included from src/services/local.mk, which lists the original exec files).
SERVICES_SOURCES += src/services/exec/layout.c src/services/exec/vdso.c
noinst_HEADERS += src/services/include/exec/layout.h src/services/include/exec/vdso.h
