/* SPDX-License-Identifier: GPL-2.0-only */
/* Host stand-in for the <linux/list.h> calls module/of.c makes. */
#ifndef PMMIO_SHIM_LINUX_LIST_H
#define PMMIO_SHIM_LINUX_LIST_H
#include <linux/kernel.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD(name)	struct list_head name = { &(name), &(name) }

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
	new->next = head->next;
	new->prev = head;
	head->next->prev = new;
	head->next = new;
}

#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_for_each_entry_safe(pos, n, head, member)				\
	for (pos = list_entry((head)->next, typeof(*pos), member),		\
	     n = list_entry(pos->member.next, typeof(*pos), member);		\
	     &pos->member != (head);						\
	     pos = n, n = list_entry(n->member.next, typeof(*n), member))
#endif
