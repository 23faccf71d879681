import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemDetail } from './problem';

function flatten(errors: ValidationError[], parent = ''): ProblemDetail[] {
  return errors.flatMap((e) => {
    const path = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      path,
      message: message.replace(e.property, path),
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Strict input: unknown fields are refused, and each problem names its field path. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException({ message: 'Invalid input', details });
    },
  });
}
