/**
 * @module
 * The structural view of a schema that the contract layer needs.
 *
 * Schema type parameters are constrained on what zod itself indexes (`_zod.input` / `_zod.output`), never on
 * `z.ZodType`: comparing every zod class against that interface doubles the checker's work at 240 endpoints.
 */

/** Anything with zod 4's phantom `_zod` types. */
export interface AnySchema {
  readonly _zod: { readonly input: unknown; readonly output: unknown };
}

/** What a client sends for a schema. */
export type SchemaInput<S> = S extends { readonly _zod: { readonly input: infer I } } ? I : never;
/** What a schema yields after parsing. */
export type SchemaOutput<S> = S extends { readonly _zod: { readonly output: infer O } } ? O : never;

/** A schema that can be run: zod 4's `safeParse` shape, so tests can validate responses without importing zod. */
export interface RunnableSchema extends AnySchema {
  /** Parses a value: the parsed data, or the issues that refuse it. */
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** A runnable schema whose types are the given named types, so hovers read `Task` rather than its expansion. */
export interface NamedSchema<Out, In = Out> extends RunnableSchema {
  readonly _zod: { readonly input: In; readonly output: Out };
}

/**
 * Names a schema's types: `named<Task>(TaskSchema)`. Pass the input type too when defaults make it differ.
 * The value is returned unchanged.
 */
export function named<Out, In = Out>(schema: AnySchema): NamedSchema<Out, In> {
  return schema as unknown as NamedSchema<Out, In>;
}
