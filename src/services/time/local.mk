# src/services/time/local.mk: POSIX per-process timers (the clocks and sleeps are listed in
# src/services/local.mk).
SERVICES_SOURCES += src/services/time/posix_timer.c src/services/time/posix_timer_period.c
noinst_HEADERS += src/services/include/time/posix_timer.h src/services/include/abi/sigevent.h
