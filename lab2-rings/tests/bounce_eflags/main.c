/*
 * bounce_eflags: a bounce enters the guest's handler as the CPU enters
 * one of its own: the frame holds the interrupted eflags as they were,
 * and the handler runs with TF and NT (and RF, VM) clear (exercise 4).
 *  - TF: single-stepping ring-1 code raises #DB after each instruction;
 *    the #DB handler sees TF in its frame but runs without it (else it
 *    would single-step itself, endlessly), and its iret steps on;
 *  - NT: with NT set, an int n reaches its handler with NT clear (else
 *    the handler's iret would be a task return through the TSS link);
 *    the handler's iret brings NT back.
 */
#include <guest/handlers.h>
#include <guest/test.h>
#include <guest/traps.h>

const char test_title[] = "bounce frames: eflags kept, TF and NT cleared";

#define TF 0x100
#define NT 0x4000

void single_step(void *), nested_int(void *), db_handler(void);
extern volatile uint32_t db_count, db_frame_flags, db_handler_flags;

void test_main(void)
{
	struct fault f;
	uint32_t fl;

	check_eq(trap_set(1, 0, 0, db_handler), 0);
	if (exec_fault(single_step, 0, &f))
		xtf_failure("single-stepping: vector %u at %x", f.vector,
			    f.eip);
	printf("single-stepping: %u #DB; frames' eflags %x, handler's %x\n",
	       db_count, db_frame_flags, db_handler_flags);
	check(db_count >= 4 && db_count <= 6);
	check(db_frame_flags & TF);
	check(!(db_handler_flags & TF));

	check_eq(trap_set(0x40, 1, 0, rec_iret), 0);
	rec.count = 0;
	if (exec_fault(nested_int, 0, &f))
		xtf_failure("int $0x40 with NT set: vector %u error %x at %x",
			    f.vector, f.error, f.eip);
	__asm__ volatile("pushfl; popl %0" : "=r"(fl));
	printf("int $0x40 with NT: frame eflags %x, the handler's %x\n",
	       rec.eflags, rec.h_eflags);
	check_eq(rec.count, 1);
	check(rec.eflags & NT);
	check(!(rec.h_eflags & NT));
	check(!(fl & NT));
	xtf_success("handlers ran with TF and NT clear");
}
