/**
 * What the person does in the page's form fields, as far as the step engine needs it: which
 * fields were typed into and which buttons were pressed. Only that the events happened is
 * noted: no value is ever read, so nothing typed can leave the field.
 */
import type { FieldMarks } from '../steps/engine';

/** How many fields and presses are remembered (the latest ones count). */
const KEEP = 50;

function isElement(t: EventTarget | null): t is Element {
  return !!t && (t as Node).nodeType === 1;
}

export class FormMarks implements FieldMarks {
  private typed: Element[] = [];
  private presses: Element[] = [];
  private readonly off: (() => void)[] = [];

  /** `changed` is called when a look at the page may now give another answer. */
  constructor(
    private readonly doc: Document,
    private readonly changed: () => void,
  ) {}

  start(): void {
    if (this.off.length) return;
    const listen = (type: string, fn: (e: Event) => void) => {
      // Capture: the page may stop the event from bubbling up to the document.
      this.doc.addEventListener(type, fn, true);
      this.off.push(() => this.doc.removeEventListener(type, fn, true));
    };
    listen('input', (e) => this.note(this.typed, e.target));
    listen('change', (e) => {
      this.note(this.typed, e.target);
      this.changed();
    });
    // A click, or Enter in a field (the browser clicks the form's button for it).
    listen('click', (e) => {
      this.note(this.presses, e.target);
      this.changed();
    });
    // Leaving a field: a fill step may be done.
    listen('focusout', () => this.changed());
  }

  stop(): void {
    for (const off of this.off.splice(0)) off();
  }

  edited(el: Element): boolean {
    return this.typed.some((t) => el.contains(t));
  }

  pressed(el: Element): boolean {
    return this.presses.some((p) => el.contains(p));
  }

  /** A new step begins: buttons pressed for the previous one do not count for it. */
  newStep(): void {
    this.presses = [];
  }

  private note(list: Element[], target: EventTarget | null): void {
    if (!isElement(target)) return;
    const at = list.indexOf(target);
    if (at !== -1) list.splice(at, 1);
    list.push(target);
    if (list.length > KEEP) list.shift();
  }
}
