/** What the esiti subgraph lets the hub's own subscription server use: the topics and one subscriber's event stream. */
export { allows, delivers, TOPICS, type Topic } from './topics';
export { eventStream, type EventStream } from './event-stream';
