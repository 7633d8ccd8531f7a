# tests/unit/hal-kvm/kvm/local.mk: unit tests of the KVM engine below the ioctls: the
# stub's bytes, GDT/IDT/TSS and page-table images (a software page walker over them and
# over a real OSTD vmspace), exit decoding, engine set-up and FP images. They run on every
# machine, with or without /dev/kvm (ASan+UBSan against OSTD's sanitizer twin).
KVM_TEST_CPPFLAGS = $(HOSTED_CPPFLAGS) -I$(top_srcdir)/src/ostd/arch/x86_64 \
	-I$(top_srcdir)/tests/unit/support -I$(top_srcdir)/tests/unit/hal-kvm/kvm
KVM_TEST_CFLAGS = $(AM_CFLAGS) $(UNIT_SAN) $(CHECK_CFLAGS)
KVM_TEST_CCASFLAGS = -I$(top_srcdir)/src/hal-kvm
KVM_TEST_LDADD = libhal_test.a libostd_san.a libhal_test.a libostd_san.a $(CHECK_LIBS)
KVM_TEST_SRCS = tests/unit/hal-kvm/kvm/walker.c tests/unit/hal-kvm/kvm/walker.h \
	$(KVM_ENGINE_SRCS) src/hal-kvm/seccomp/fpstate.c src/hal-kvm/seccomp/fpstate.h

KVM_TESTS = tests/unit/hal-kvm/kvm/test_guest_image tests/unit/hal-kvm/kvm/test_exit_decode \
	tests/unit/hal-kvm/kvm/test_kvm_engine
check_PROGRAMS += $(KVM_TESTS)
TESTS += $(KVM_TESTS)

tests_unit_hal_kvm_kvm_test_guest_image_SOURCES = \
	tests/unit/hal-kvm/kvm/test_guest_image.c $(KVM_TEST_SRCS)
tests_unit_hal_kvm_kvm_test_guest_image_CPPFLAGS = $(KVM_TEST_CPPFLAGS)
tests_unit_hal_kvm_kvm_test_guest_image_CFLAGS = $(KVM_TEST_CFLAGS)
tests_unit_hal_kvm_kvm_test_guest_image_CCASFLAGS = $(KVM_TEST_CCASFLAGS)
tests_unit_hal_kvm_kvm_test_guest_image_LDADD = $(KVM_TEST_LDADD)
tests_unit_hal_kvm_kvm_test_guest_image_LDFLAGS = $(UNIT_SAN)

# Pure: the decoder and the images it checks exits against, nothing of OSTD.
tests_unit_hal_kvm_kvm_test_exit_decode_SOURCES = \
	tests/unit/hal-kvm/kvm/test_exit_decode.c \
	src/hal-kvm/kvm/exit_decode.c src/hal-kvm/kvm/guest_image.c src/hal-kvm/kvm/guest_stub.S
tests_unit_hal_kvm_kvm_test_exit_decode_CPPFLAGS = $(KVM_TEST_CPPFLAGS)
tests_unit_hal_kvm_kvm_test_exit_decode_CFLAGS = $(KVM_TEST_CFLAGS)
tests_unit_hal_kvm_kvm_test_exit_decode_CCASFLAGS = $(KVM_TEST_CCASFLAGS)
tests_unit_hal_kvm_kvm_test_exit_decode_LDADD = $(CHECK_LIBS)
tests_unit_hal_kvm_kvm_test_exit_decode_LDFLAGS = $(UNIT_SAN)

tests_unit_hal_kvm_kvm_test_kvm_engine_SOURCES = \
	tests/unit/hal-kvm/kvm/test_kvm_engine.c $(KVM_TEST_SRCS)
tests_unit_hal_kvm_kvm_test_kvm_engine_CPPFLAGS = $(KVM_TEST_CPPFLAGS)
tests_unit_hal_kvm_kvm_test_kvm_engine_CFLAGS = $(KVM_TEST_CFLAGS)
tests_unit_hal_kvm_kvm_test_kvm_engine_CCASFLAGS = $(KVM_TEST_CCASFLAGS)
tests_unit_hal_kvm_kvm_test_kvm_engine_LDADD = $(KVM_TEST_LDADD)
tests_unit_hal_kvm_kvm_test_kvm_engine_LDFLAGS = $(UNIT_SAN)
