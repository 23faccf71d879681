import { NotFoundException, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Redaction ids are minted as UUIDs: anything else names no order. */
export class RedactionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundException(`Redaction ${String(value).slice(0, 100)} does not exist`);
    return value.toLowerCase();
  }
}
