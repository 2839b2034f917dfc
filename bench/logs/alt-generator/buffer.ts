// Events waiting to be written: a column store (no object per event), flushed in time order one day at a time.

export class EventBuffer {
  t: number[] = [];
  staff: number[] = [];
  person: number[] = [];
  action: number[] = [];
  purpose: number[] = [];
  dept: number[] = [];
  ws: string[] = [];
  app: string[] = [];
  session: string[] = [];

  get length(): number {
    return this.t.length;
  }

  add(
    t: number,
    staff: number,
    person: number,
    action: number,
    purpose: number,
    dept: number,
    ws: string,
    app: string,
    session: string,
  ): void {
    this.t.push(t);
    this.staff.push(staff);
    this.person.push(person);
    this.action.push(action);
    this.purpose.push(purpose);
    this.dept.push(dept);
    this.ws.push(ws);
    this.app.push(app);
    this.session.push(session);
  }

  /**
   * Remove and return (as a sorted view) every event before `until`; later ones stay buffered.
   * Ties are broken by user and patient so that the output order is fully determined.
   */
  takeBefore(until: number): EventBuffer {
    const out = new EventBuffer();
    const keep = new EventBuffer();
    const idx: number[] = [];
    for (let i = 0; i < this.t.length; i++) {
      if ((this.t[i] as number) < until) idx.push(i);
      else keep.copyFrom(this, i);
    }
    idx.sort(
      (a, b) =>
        (this.t[a] as number) - (this.t[b] as number) ||
        (this.staff[a] as number) - (this.staff[b] as number) ||
        (this.person[a] as number) - (this.person[b] as number) ||
        a - b,
    );
    for (const i of idx) out.copyFrom(this, i);
    this.t = keep.t;
    this.staff = keep.staff;
    this.person = keep.person;
    this.action = keep.action;
    this.purpose = keep.purpose;
    this.dept = keep.dept;
    this.ws = keep.ws;
    this.app = keep.app;
    this.session = keep.session;
    return out;
  }

  private copyFrom(src: EventBuffer, i: number): void {
    this.add(
      src.t[i] as number,
      src.staff[i] as number,
      src.person[i] as number,
      src.action[i] as number,
      src.purpose[i] as number,
      src.dept[i] as number,
      src.ws[i] as string,
      src.app[i] as string,
      src.session[i] as string,
    );
  }
}
