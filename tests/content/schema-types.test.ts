// The content schemas (src/content/schema.ts) produce exactly the domain's content model
// (src/domain/content-model.ts): a field added, dropped or loosened on one side only fails `npm run typecheck`.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { zc as z } from '../../src/domain/zod';
import type * as M from '../../src/domain/content-model';
import * as S from '../../src/content/schema';
import { loadContent } from '../../src/content/load';

describe('content schemas and the domain content model', () => {
  it('agree type for type', () => {
    expectTypeOf<z.output<typeof S.ConditionSchema>>().toEqualTypeOf<M.Condition>();
    expectTypeOf<z.output<typeof S.FactSchema>>().toEqualTypeOf<M.Fact>();
    expectTypeOf<z.output<typeof S.ChannelSchema>>().toEqualTypeOf<M.Channel>();
    expectTypeOf<z.output<typeof S.RuleSchema>>().toEqualTypeOf<M.Rule>();
    expectTypeOf<z.output<typeof S.ChoiceSchema>>().toEqualTypeOf<M.Choice>();
    expectTypeOf<z.output<typeof S.MetaSchema>>().toEqualTypeOf<M.Meta>();
    expectTypeOf<z.output<typeof S.EngineTextsSchema>>().toEqualTypeOf<M.EngineTexts>();
    expectTypeOf<z.output<typeof S.ClusterSchema>>().toEqualTypeOf<M.Cluster>();
    expectTypeOf<z.output<typeof S.CollegeSchema>>().toEqualTypeOf<M.College>();
    expectTypeOf<z.output<typeof S.AdvisorSchema>>().toEqualTypeOf<M.Advisor>();
    expectTypeOf<z.output<typeof S.SectorsFileSchema>>().toEqualTypeOf<M.Sectors>();
    expectTypeOf<z.output<typeof S.ValidationMessagesSchema>>().toEqualTypeOf<M.ValidationMessages>();
    expectTypeOf<z.output<typeof S.CallSchema>>().toEqualTypeOf<M.Call>();
    expectTypeOf<z.output<typeof S.PolicySchema>>().toEqualTypeOf<M.Policy>();
    // Labels and the pyramid are built from the id lists with Object.fromEntries: assignable both ways.
    expectTypeOf<z.output<typeof S.LabelsSchema>>().toExtend<M.Labels>();
    expectTypeOf<M.Labels>().toExtend<z.output<typeof S.LabelsSchema>>();
    expectTypeOf<z.output<typeof S.PyramidSchema>>().toExtend<M.Pyramid>();
    expectTypeOf<M.Pyramid>().toExtend<z.output<typeof S.PyramidSchema>>();
  });

  it('the flags that replace content ids in the engine are set in the content', () => {
    const { content } = loadContent();
    // The cluster channel names the clusters of the firm's sector; "not sure" is the one unsure need.
    expect(Object.values(content.channels).filter((c) => c.namesSectorClusters).map((c) => c.id)).toEqual(['cluster']);
    expect(content.needs.filter((n) => n.unsure).map((n) => n.id)).toEqual(['not-sure']);
  });
});
