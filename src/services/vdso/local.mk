# src/services/vdso/local.mk: the vDSO image and getcpu (included from
# src/services/local.mk). The image is guest code: a tiny shared object built by its own
# rule, so no configured flag (CFLAGS, sanitizers, coverage) reaches it, then embedded in
# the services as a generated C byte array (services may hold no assembly). VDSO_CC can
# name a plain compiler when CC is an instrumenting wrapper.
SERVICES_SOURCES += src/services/vdso/getcpu.c
EXTRA_DIST += src/services/vdso/vdso.S src/services/vdso/vdso.lds

VDSO_CC = $(CC)
VDSO_FLAGS = -nostdlib -shared -fPIC -Wl,-T,$(top_srcdir)/src/services/vdso/vdso.lds \
	-Wl,-soname,linux-vdso.so.1 -Wl,--hash-style=both -Wl,--eh-frame-hdr \
	-Wl,-z,max-page-size=4096 -Wl,-z,noexecstack -Wl,--build-id=none -Wl,-s

src/services/vdso/vdso.so: $(top_srcdir)/src/services/vdso/vdso.S \
		$(top_srcdir)/src/services/vdso/vdso.lds
	$(AM_V_GEN)$(MKDIR_P) src/services/vdso && \
	$(VDSO_CC) $(VDSO_FLAGS) -o $@ $(top_srcdir)/src/services/vdso/vdso.S

# od prints the bytes; sed makes them C. The array is page aligned like a mapping.
src/services/vdso/vdso_image.c: src/services/vdso/vdso.so
	$(AM_V_GEN){ \
	echo '/* Generated from vdso.so by src/services/vdso/local.mk: the vDSO image. */'; \
	echo '#include <stddef.h>'; \
	echo 'extern const unsigned char vdso_image_bytes[];'; \
	echo 'extern const size_t vdso_image_size;'; \
	echo 'const unsigned char vdso_image_bytes[] __attribute__((aligned(4096))) = {'; \
	od -An -v -tx1 src/services/vdso/vdso.so | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	echo '};'; \
	echo 'const size_t vdso_image_size = sizeof(vdso_image_bytes);'; \
	} > $@.tmp && mv $@.tmp $@

nodist_libservices_a_SOURCES = src/services/vdso/vdso_image.c
nodist_libservices_san_a_SOURCES = src/services/vdso/vdso_image.c
nodist_libservices_audit_a_SOURCES = src/services/vdso/vdso_image.c
BUILT_SOURCES += src/services/vdso/vdso_image.c
CLEANFILES += src/services/vdso/vdso.so src/services/vdso/vdso_image.c \
	src/services/vdso/vdso_image.c.tmp
