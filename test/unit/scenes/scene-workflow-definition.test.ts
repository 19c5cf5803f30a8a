import { describe, expect, it } from 'vitest';
import { sceneWorkflowTasks } from '../../../shared/scenes/scene-task-table';
import { sceneTaskInputs } from '../../../shared/scenes/scene-tasks';
import {
  renderSceneWorkflow,
  sceneWorkflowDefinition,
  taskOfState,
} from '../../../shared/scenes/scene-workflow';

const states = sceneWorkflowDefinition.States as Record<
  string,
  { Type: string; Next?: string; Default?: string }
>;

describe('the scene workflow definition', () => {
  it('runs every task it lists, each from some Task state, and every task takes a validated input', () => {
    const used = Object.keys(states)
      .filter((name) => states[name]?.Type === 'Task')
      .map(taskOfState);
    expect(new Set(used)).toEqual(new Set(sceneWorkflowTasks.map((t) => t.id)));
    expect(Object.keys(sceneTaskInputs).sort()).toEqual(sceneWorkflowTasks.map((t) => t.id).sort());
  });

  it('leads every state somewhere that exists', () => {
    const targets = JSON.stringify(sceneWorkflowDefinition).matchAll(/"(?:Next|Default|StartAt)":"(\w+)"/g);
    for (const [, target] of targets) expect(Object.keys(states), target).toContain(target);
  });

  it('renders with every task placeholder replaced', () => {
    const rendered = renderSceneWorkflow(
      (task) => `arn:aws:lambda:eu-west-1:123456789012:function:q-${task}`,
    );
    expect(rendered).not.toMatch(/\$\{/);
    expect(rendered).toContain('function:q-DrawScene');
  });
});
