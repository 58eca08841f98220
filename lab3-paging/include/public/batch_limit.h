/*
 * How many requests one mmu_update or mmuext_op may carry. Lab 3: 1024,
 * more is refused with -EINVAL, which bounds the work of one call. Lab 4
 * replaces this header: its continuations bound the work instead, and
 * the limit goes.
 */
#ifndef PUBLIC_BATCH_LIMIT_H
#define PUBLIC_BATCH_LIMIT_H

#define KIT_BATCH_MAX 1024

#endif
