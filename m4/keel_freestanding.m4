# KEEL_CC_FREESTANDING_INCLUDE
# Finds the compiler's own header directory (stddef.h, stdint.h, stdarg.h) so services can
# be compiled with -nostdinc and still see the freestanding headers; sets FREESTANDING_INC.
AC_DEFUN([KEEL_CC_FREESTANDING_INCLUDE], [
  AC_MSG_CHECKING([for the compiler's freestanding headers])
  FREESTANDING_INC=`$CC -print-file-name=include`
  AS_IF([test -f "$FREESTANDING_INC/stddef.h"], [AC_MSG_RESULT([$FREESTANDING_INC])],
        [AC_MSG_ERROR([$CC -print-file-name=include gave no stddef.h])])
  AC_SUBST([FREESTANDING_INC])
])
