/* signal/sigpipe.c: the SIGPIPE of a write nobody reads (pipes, stream sockets). Apart
 * from send.c so the pipe's unit tests link it against their stand-in process layer. */
#include <ostd/string.h>
#include <process/process.h>
#include <process/thread.h>
#include <signal/signal.h>

void signal_send_sigpipe(void)
{
	struct thread *t = thread_current();
	ksiginfo_t info;

	if (!t)
		return;
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGPIPE;
	info.si_code = SI_USER;
	info.u.kill.pid = t->proc->pid;
	info.u.kill.uid = t->proc->cred.uid;
	signal_send_thread(t, SIGPIPE, &info);
}
