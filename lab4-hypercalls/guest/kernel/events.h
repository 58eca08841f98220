/* The guest kernel's events (lab 4): events.c, channels.c. */
#ifndef EVENTS_H
#define EVENTS_H

#include <stdint.h>

/* Runs in the upcall, events masked, for an event on its port. */
typedef void (*port_handler)(uint32_t port);

/* Sets the handler of a port (NULL: none; its events are counted as
 * spurious). */
void evtchn_set_handler(uint32_t port, port_handler h);

#endif
