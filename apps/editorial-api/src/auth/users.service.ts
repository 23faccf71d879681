import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import type { Role } from '@newsroom/editorial-domain';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: Role[];
}

const DEMO_USERS: Array<{ email: string; name: string; roles: Role[] }> = [
  { email: 'editor@newsroom.test', name: 'Eda Editor', roles: ['editor'] },
  { email: 'reporter@newsroom.test', name: 'Rey Reporter', roles: ['reporter'] },
  { email: 'auditor@newsroom.test', name: 'Audra Auditor', roles: ['auditor'] },
  { email: 'admin@newsroom.test', name: 'Ada Admin', roles: ['admin'] },
];

@Injectable()
export class UsersService {
  private readonly log = new Logger(UsersService.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.ds.query(`SELECT * FROM users WHERE email = lower($1)`, [email]);
    return row;
  }

  /** Who a user is, for naming them in events (an assignee); the password hash stays here. */
  async findById(id: string): Promise<Pick<UserRow, 'id' | 'name' | 'roles'> | undefined> {
    const [row] = await this.ds.query(`SELECT id, name, roles FROM users WHERE id = $1`, [id]);
    return row;
  }

  async create(email: string, name: string, password: string, roles: Role[]): Promise<string> {
    const id = randomUUID();
    const hash = await bcrypt.hash(password, 10);
    await this.ds.query(
      `INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, lower($2), $3, $4, $5)
       ON CONFLICT (email) DO NOTHING`,
      [id, email, name, hash, roles],
    );
    return id;
  }

  async seedDemoUsers(password: string): Promise<void> {
    for (const u of DEMO_USERS) {
      if (!(await this.findByEmail(u.email))) await this.create(u.email, u.name, password, u.roles);
    }
    this.log.log(`Demo users ready: ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  }

  verifyPassword(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }
}
